package vn.loa.controller.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes by method and path pattern, e.g. {@code /api/v1/stations/{id}}. Patterns are matched
 * segment by segment; a {@code {name}} segment matches any one non-empty segment.
 */
public final class Router {

    /** One registered route. {@code open}: reachable without a token. */
    public record Route(String method, String pattern, boolean open, Handler handler) {
        Optional<Map<String, String>> match(String[] segments) {
            String[] parts = split(pattern);
            if (parts.length != segments.length) {
                return Optional.empty();
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.startsWith("{") && part.endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        return Optional.empty();
                    }
                    params.put(part.substring(1, part.length() - 1), segments[i]);
                } else if (!part.equals(segments[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    /** A route found for a path, with its parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, false, handler);
    }

    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, false, handler);
    }

    public Router patch(String pattern, Handler handler) {
        return add("PATCH", pattern, false, handler);
    }

    public Router delete(String pattern, Handler handler) {
        return add("DELETE", pattern, false, handler);
    }

    public Router add(String method, String pattern, boolean open, Handler handler) {
        routes.add(new Route(method, pattern, open, handler));
        return this;
    }

    /** The route for this method and path; empty when none, see {@link #allowedMethods}. */
    public Optional<Match> find(String method, String path) {
        String[] segments = split(path);
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> params = route.match(segments);
                if (params.isPresent()) {
                    return Optional.of(new Match(route, params.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some route accepts for this path (empty: no such resource). */
    public Set<String> allowedMethods(String path) {
        String[] segments = split(path);
        Set<String> methods = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.match(segments).isPresent()) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    private static String[] split(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.split("/", -1);
    }
}
