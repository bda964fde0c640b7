package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.auth.AuthService;
import vn.loa.controller.auth.PasswordHasher;
import vn.loa.controller.metrics.MicrometerControllerMetrics;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.SseClient;

/** Event streams through the real HTTP server, read over real sockets; keep-alive comments every 100 ms. */
class SseIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASSWORD = "correct-horse-battery";

    @TempDir
    Path dir;

    private final BlockingQueue<EventChannel> opened = new LinkedBlockingQueue<>();
    private Database database;
    private ExecutorService api;
    private HttpServer server;
    private String token;

    @BeforeEach
    void startServer() throws InterruptedException {
        database = Database.open(dir.resolve("loa.db"), Clock.systemUTC());
        AuthService auth = new AuthService(database, new PasswordHasher(), Clock.systemUTC(), Duration.ofHours(1));
        auth.bootstrapAdmin(PASSWORD);
        token = auth.login("admin", PASSWORD).token();
        Router router = new Router()
                .get("/api/v1/alerts/{id}/events", call -> {
                    if (!call.request().pathParam("id").equals("7")) {
                        throw ApiException.notFound("no alert " + call.request().pathParam("id"));
                    }
                    return Response.events(opened::add);
                })
                .add("GET", "/api/v1/ping", true, call -> Response.json(200, "{\"pong\":true}".getBytes()));
        api = Executors.newFixedThreadPool(2);
        server = HttpServer.start("127.0.0.1", 0, 64 * 1024, new Dispatcher(router, auth, new ApiJson(64 * 1024),
                new MicrometerControllerMetrics()), api, List.of(), Duration.ofMillis(100));
    }

    @AfterEach
    void stopServer() {
        server.close();
        api.shutdownNow();
        database.close();
    }

    @Test
    void eventsSentAfterConnectingReachTheClient() {
        try (SseClient client = SseClient.open(alertEvents("7"), token)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
            EventChannel stream = nextStream();
            assertThat(stream.send("warning", "1", "Cảnh báo lũ\nSơ tán ngay")).isTrue();
            assertThat(stream.send("progress", "2", "{\"done\":3}")).isTrue();
            assertThat(client.awaitEvent(event -> "2".equals(event.id()), WAIT).data()).isEqualTo("{\"done\":3}");
            assertThat(client.events()).containsExactly(
                    new SseClient.Event("warning", "1", "Cảnh báo lũ\nSơ tán ngay"),
                    new SseClient.Event("progress", "2", "{\"done\":3}"));
        }
    }

    @Test
    void idleStreamCarriesKeepAliveComments() {
        try (SseClient client = SseClient.open(alertEvents("7"), token)) {
            client.awaitComments(2, WAIT);
            assertThat(client.comments()).allMatch("keep-alive"::equals);
            assertThat(client.events()).isEmpty();
        }
    }

    @Test
    void clientLeavingRunsTheCloseActions() {
        AtomicBoolean closed = new AtomicBoolean();
        SseClient client = SseClient.open(alertEvents("7"), token);
        EventChannel stream = nextStream();
        stream.onClose(() -> closed.set(true));
        client.close();
        await().atMost(WAIT).untilTrue(closed);
        assertThat(stream.isOpen()).isFalse();
        assertThat(stream.send("late", null, "nobody listens")).isFalse();
    }

    @Test
    void stoppingTheServerEndsEveryStream() {
        AtomicBoolean closed = new AtomicBoolean();
        try (SseClient client = SseClient.open(alertEvents("7"), token)) {
            nextStream().onClose(() -> closed.set(true));
            server.close();
            assertThat(closed).isTrue();
            client.awaitEnd(WAIT);
            assertThat(client.endedCleanly()).isTrue();
        }
    }

    @Test
    void otherConnectionsAreAnsweredWhileAStreamIsOpen() {
        try (SseClient client = SseClient.open(alertEvents("7"), token)) {
            EventChannel stream = nextStream();
            ApiClient.Answer ping = new ApiClient(server.port()).get("/api/v1/ping");
            assertThat(ping.status()).isEqualTo(200);
            stream.send("after-ping", null, "still here");
            assertThat(client.awaitEvent(event -> event.event().equals("after-ping"), WAIT).data())
                    .isEqualTo("still here");
        }
    }

    @Test
    void requestWithoutATokenGetsTheJsonErrorAndNoStream() {
        try (SseClient client = SseClient.open(alertEvents("7"), null)) {
            assertThat(client.status()).isEqualTo(401);
            assertThat(client.header("Content-Type")).isEqualTo(Response.JSON);
            assertThat(client.body()).contains("\"error\":\"unauthorized\"").contains("\"message\":");
        }
        assertThat(opened).isEmpty();
    }

    @Test
    void unknownResourceGetsTheJsonNotFound() {
        try (SseClient alert = SseClient.open(alertEvents("999"), token);
             SseClient path = SseClient.open(URI.create(base() + "/api/v1/nothing/events"), token)) {
            assertThat(alert.status()).isEqualTo(404);
            assertThat(alert.body()).contains("\"error\":\"not_found\"").contains("no alert 999");
            assertThat(path.status()).isEqualTo(404);
            assertThat(path.body()).contains("\"error\":\"not_found\"");
        }
        assertThat(opened).isEmpty();
    }

    @Test
    void streamForAClosingConnectionStillStreamsAndEndsCleanly() {
        try (SseClient client = SseClient.open(alertEvents("7"), token, Map.of("Connection", "close"))) {
            EventChannel stream = nextStream();
            stream.send("warning", "1", "Cảnh báo lũ");
            client.awaitEvent(event -> "1".equals(event.id()), WAIT);
            stream.close();
            client.awaitEnd(WAIT);
            assertThat(client.endedCleanly()).isTrue();
            assertThat(client.header("Connection")).isEqualTo("close");
        }
    }

    @Test
    void resumingClientNamesTheLastEventItSaw() {
        try (SseClient client = SseClient.open(alertEvents("7"), token, Map.of("Last-Event-ID", "41"))) {
            assertThat(nextStream().lastEventId()).contains("41");
        }
    }

    @Test
    void clientThatStopsReadingIsCutOff() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        try (Socket silent = new Socket()) {
            silent.setReceiveBufferSize(16 * 1024);
            silent.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            silent.getOutputStream().write(("GET /api/v1/alerts/7/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            EventChannel stream = nextStream();
            stream.onClose(() -> closed.set(true));
            String filler = "x".repeat(256 * 1024);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> !stream.send("filler", null, filler));
            await().atMost(WAIT).untilTrue(closed);
            InputStream in = silent.getInputStream();
            silent.setSoTimeout(10_000);
            assertThat(in.readAllBytes()).isNotEmpty();
        }
    }

    private EventChannel nextStream() {
        return await().atMost(WAIT).until(opened::poll, Objects::nonNull);
    }

    private URI alertEvents(String id) {
        return URI.create(base() + "/api/v1/alerts/" + id + "/events");
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }
}
