package vn.loa.controller.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.metrics.ControllerMetrics;

/**
 * {@code /healthz} and {@code /metrics}, reachable without a user's token (for probes and Prometheus).
 * With a metrics token configured, {@code /metrics} wants it as a bearer token instead.
 */
public final class SystemRoutes {
    private final ControllerMetrics metrics;
    private final BooleanSupplier brokerConnected;
    private final ApiJson json;
    private final byte[] metricsToken;

    public SystemRoutes(ControllerMetrics metrics, BooleanSupplier brokerConnected, ApiJson json) {
        this(metrics, brokerConnected, json, null);
    }

    /** {@code metricsToken}: the bearer token a scraper must send, null to leave {@code /metrics} open. */
    public SystemRoutes(ControllerMetrics metrics, BooleanSupplier brokerConnected, ApiJson json,
                        String metricsToken) {
        this.metrics = metrics;
        this.brokerConnected = brokerConnected;
        this.json = json;
        this.metricsToken = metricsToken == null ? null : metricsToken.getBytes(StandardCharsets.UTF_8);
    }

    public void register(Router router) {
        router.add("GET", "/healthz", true, this::health);
        router.add("GET", "/metrics", true, this::metrics);
    }

    private Response health(Call call) {
        boolean connected = brokerConnected.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", connected ? "ok" : "degraded");
        body.put("broker", connected ? "connected" : "disconnected");
        return json.respond(connected ? 200 : 503, body);
    }

    private Response metrics(Call call) {
        if (metricsToken != null) {
            String presented = call.request().header("authorization").orElse("");
            byte[] token = presented.startsWith("Bearer ")
                    ? presented.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (!MessageDigest.isEqual(token, metricsToken)) {
                throw ApiException.unauthorized("/metrics needs the metrics token (http.metricsToken) as a bearer token");
            }
        }
        return Response.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }
}
