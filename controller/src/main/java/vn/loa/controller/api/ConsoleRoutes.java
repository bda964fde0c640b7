package vn.loa.controller.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;

/**
 * The web console's files, served from the classpath without a token: the pages log in through
 * {@code /api/v1} like any other client. {@code /} is the page, {@code /console/...} its scripts
 * and styles ({@code web/} on the classpath), {@code /vendor/...} the third-party libraries from
 * their WebJars (Pico CSS, Leaflet, Chart.js). Only plain file names are served: no path
 * reaches outside those folders. The page carries a Content-Security-Policy that lets scripts
 * come from here only; {@code tileOrigin} (the map's tile server, null for none) may serve images.
 */
public final class ConsoleRoutes {
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}\\.(js|css|svg|png)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "html", "text/html; charset=utf-8");

    private final String contentSecurityPolicy;
    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();
    private final Map<String, String> vendor;

    public ConsoleRoutes(String tileOrigin) {
        String tiles = tileOrigin == null ? "" : " " + tileOrigin;
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:" + tiles + "; media-src 'self' blob:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        this.vendor = Map.of(
                "pico.min.css", webjar("picocss__pico", "css/pico.min.css"),
                "leaflet.js", webjar("leaflet", "dist/leaflet.js"),
                "leaflet.css", webjar("leaflet", "dist/leaflet.css"),
                "chart.umd.min.js", webjar("chart.js", "dist/chart.umd.min.js"),
                "images/layers.png", webjar("leaflet", "dist/images/layers.png"),
                "images/layers-2x.png", webjar("leaflet", "dist/images/layers-2x.png"),
                "images/marker-icon.png", webjar("leaflet", "dist/images/marker-icon.png"),
                "images/marker-icon-2x.png", webjar("leaflet", "dist/images/marker-icon-2x.png"),
                "images/marker-shadow.png", webjar("leaflet", "dist/images/marker-shadow.png"));
    }

    public void register(Router router) {
        router.add("GET", "/", true, call -> page());
        router.add("GET", "/console/{file}", true, call -> console("web/", call));
        router.add("GET", "/console/pages/{file}", true, call -> console("web/pages/", call));
        router.add("GET", "/vendor/{file}", true, call -> vendor(call.request().pathParam("file")));
        router.add("GET", "/vendor/images/{file}", true, call -> vendor("images/" + call.request().pathParam("file")));
    }

    private Response page() {
        return serve("web/index.html", "html").withHeader("Content-Security-Policy", contentSecurityPolicy)
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    private Response console(String folder, Call call) {
        String name = call.request().pathParam("file");
        if (!FILE_NAME.matcher(name).matches()) {
            throw ApiException.notFound("no console file '" + name + "'");
        }
        return serve(folder + name, name.substring(name.lastIndexOf('.') + 1));
    }

    private Response vendor(String name) {
        String resource = vendor.get(name);
        if (resource == null) {
            throw ApiException.notFound("no library file '" + name + "'");
        }
        return serve(resource, name.substring(name.lastIndexOf('.') + 1));
    }

    private Response serve(String resource, String extension) {
        byte[] body = cache.computeIfAbsent(resource, ConsoleRoutes::load)
                .orElseThrow(() -> ApiException.notFound("no console file '" + resource + "'"));
        return new Response(200, TYPES.get(extension), body, Map.of("Cache-Control", "no-cache",
                "X-Content-Type-Options", "nosniff"));
    }

    private static Optional<byte[]> load(String resource) {
        try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of a WebJar, at the version on the classpath (read from the jar's Maven metadata). */
    private static String webjar(String artifact, String path) {
        String properties = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + artifact + " is missing from the classpath");
            }
            Properties pom = new Properties();
            pom.load(in);
            return "META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
