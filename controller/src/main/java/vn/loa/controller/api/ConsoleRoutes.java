package vn.loa.controller.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;

/**
 * The web console's files, served from the classpath ({@code web/}) without a token: the pages
 * themselves log in through {@code /api/v1}, like any other client.
 */
public final class ConsoleRoutes {
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/console.js", "console.js");

    public void register(Router router) {
        FILES.forEach((path, file) -> {
            byte[] body = load(file);
            String type = file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8";
            router.add("GET", path, true, call -> new Response(200, type, body, Map.of("Cache-Control", "no-cache")));
        });
    }

    private static byte[] load(String file) {
        try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream("web/" + file)) {
            if (in == null) {
                throw new IllegalStateException("console file web/" + file + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
