package vn.loa.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.config.ConfigException;
import vn.loa.agent.config.MetricsSettings;

/**
 * {@code GET /metrics} in Prometheus text on the configured host and port: the JDK's small HTTP server on
 * one thread of its own ({@code loa-metrics}), which also reads the gauges. Nothing else is served.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;

    private MetricsServer(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Serves the metrics when the settings enable it; empty otherwise. A port in use stops the start. */
    public static java.util.Optional<MetricsServer> startIfEnabled(String station, MetricsSettings settings,
                                                                   AgentMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        if (!settings.enabled()) {
            return java.util.Optional.empty();
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 8);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("station " + station + ": cannot serve metrics on " + settings.host() + ":"
                    + settings.port() + " (" + e.getMessage() + ")", e);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "loa-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.createContext("/", exchange -> answer(exchange, metrics));
        server.start();
        log.info("station {} serves Prometheus metrics on http://{}:{}/metrics", station, settings.host(),
                server.getAddress().getPort());
        return java.util.Optional.of(new MetricsServer(server, thread));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, AgentMetrics metrics) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"/metrics".equals(path)) {
                send(exchange, 404, "not found: only /metrics is served here\n");
            } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "only GET\n");
            } else {
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                send(exchange, 200, metrics.scrape());
            }
        } catch (RuntimeException e) {
            log.warn("metrics request failed: {}", e.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
