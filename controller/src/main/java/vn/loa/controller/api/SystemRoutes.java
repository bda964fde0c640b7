package vn.loa.controller.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.metrics.ControllerMetrics;

/** {@code /healthz} and {@code /metrics}, reachable without a token (for probes and Prometheus). */
public final class SystemRoutes {
    private final ControllerMetrics metrics;
    private final BooleanSupplier brokerConnected;
    private final ApiJson json;

    public SystemRoutes(ControllerMetrics metrics, BooleanSupplier brokerConnected, ApiJson json) {
        this.metrics = metrics;
        this.brokerConnected = brokerConnected;
        this.json = json;
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
        return Response.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }
}
