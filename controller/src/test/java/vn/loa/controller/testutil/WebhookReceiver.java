package vn.loa.controller.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint for tests: answers 500 to the first {@code failFirst} requests, then 200,
 * and keeps what it accepted (body, event id header, signature header).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One notification accepted with 200. */
    public record Delivery(String eventIdHeader, String signature, String body, JsonNode json) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger refused = new AtomicInteger();
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();

    private WebhookReceiver(int failFirst) throws IOException {
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    public static WebhookReceiver start(int failFirst) throws IOException {
        return new WebhookReceiver(failFirst);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    public List<Delivery> accepted() {
        return List.copyOf(accepted);
    }

    public int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        if (failuresLeft.getAndDecrement() > 0) {
            refused.incrementAndGet();
            status = 500;
        } else {
            accepted.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Loa-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Loa-Signature"), body, MAPPER.readTree(body)));
            status = 200;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
