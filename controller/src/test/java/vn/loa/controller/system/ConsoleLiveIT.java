package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.controller.Controller;
import vn.loa.controller.health.Condition;
import vn.loa.controller.health.Rule;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.SseClient;
import vn.loa.controller.testutil.TestAgents;
import vn.loa.controller.testutil.TestControllers;

/**
 * What the console's live pages read, on a real controller with a real agent: the station page's
 * charts ({@code /stations/{id}/history}) fill with the agent's heartbeats, and the live event
 * stream ({@code /events}) shows the station online, its receipt, an alert, then the station
 * offline, to staff of its commune only.
 */
class ConsoleLiveIT {
    private static final String PASSWORD = "a-long-test-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();
    private Controller controller;
    private ApiClient admin;

    @BeforeEach
    void start() {
        controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        admin = TestControllers.admin(controller);
        long province = DemoRegistry.create(admin, "{\"name\":\"Tỉnh\",\"code\":\"P\",\"level\":\"province\"}");
        long district = DemoRegistry.create(admin, "{\"name\":\"Huyện\",\"code\":\"D\",\"level\":\"district\","
                + "\"parentId\":" + province + "}");
        long mine = DemoRegistry.create(admin, "{\"name\":\"Xã 1\",\"code\":\"C1\",\"level\":\"commune\","
                + "\"parentId\":" + district + "}");
        long other = DemoRegistry.create(admin, "{\"name\":\"Xã 2\",\"code\":\"C2\",\"level\":\"commune\","
                + "\"parentId\":" + district + "}");
        station("st-a", mine);
        station("st-b", other);
        user("operator-1", mine);
        user("operator-2", other);
    }

    @Test
    void theStationPageChartsFillWithTheAgentsHeartbeats() {
        Instant from = Instant.now().minusSeconds(60);
        ApiClient.Answer empty = admin.get("/api/v1/stations/st-a/history");
        assertThat(empty.status()).as(empty.text()).isEqualTo(200);
        assertThat(empty.json().path("points")).isEmpty();
        assertThat(empty.json().path("bucketSeconds").asLong()).isEqualTo(300);

        agent("st-a");
        String window = "?from=" + from + "&to=" + from.plusSeconds(600);
        JsonNode history = await("heartbeats in the history").atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/v1/stations/st-a/history" + window).json(),
                        json -> heartbeats(json) >= 3);

        assertThat(history.path("station").asText()).isEqualTo("st-a");
        assertThat(history.path("from").asText()).isEqualTo(from.toString());
        assertThat(history.path("bucketSeconds").asLong()).isEqualTo(5);
        JsonNode point = history.path("points").get(0);
        assertThat(Instant.parse(point.path("at").asText())).isAfterOrEqualTo(from.minusSeconds(5));
        assertThat(point.has("agentUptimeSeconds")).isTrue();
        assertThat(point.has("temperatureCelsius")).isTrue();
        assertThat(point.path("levelDbfs").isNull()).as("nothing plays").isTrue();
        JsonNode presence = history.path("presence");
        assertThat(presence.get(presence.size() - 1).path("presence").asText()).isEqualTo("online");

        ApiClient operator2 = new ApiClient(controller.httpPort()).login("operator-2", PASSWORD);
        assertThat(operator2.get("/api/v1/stations/st-a/history").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/stations/st-none/history").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/stations/st-a/history?from=2026-01-01&to=2026-06-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/stations/st-a/history?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void theLiveStreamShowsAStationGoOnlineThenOfflineToItsCommuneOnly() {
        ApiClient operator1 = new ApiClient(controller.httpPort()).login("operator-1", PASSWORD);
        ApiClient operator2 = new ApiClient(controller.httpPort()).login("operator-2", PASSWORD);
        try (SseClient mine = SseClient.open(URI.create(admin.base() + "/api/v1/events"), operator1.token());
             SseClient other = SseClient.open(URI.create(admin.base() + "/api/v1/events"), operator2.token())) {
            assertThat(mine.status()).isEqualTo(200);
            mine.awaitEvent(event -> "hello".equals(event.event()), Duration.ofSeconds(10));
            other.awaitEvent(event -> "hello".equals(event.event()), Duration.ofSeconds(10));

            StationAgent agent = agent("st-a");
            JsonNode online = data(mine.awaitEvent(event -> "station".equals(event.event())
                    && data(event).path("status").asText().equals("online"), Duration.ofSeconds(30)));
            assertThat(online.path("station").asText()).isEqualTo("st-a");
            assertThat(online.path("statusSince").asText()).endsWith("Z");
            assertThat(online.has("playing")).isTrue();

            Instant start = schedule(BulletinUploads.approvedWav(admin, "Tin ngắn", "normal", 1.0), 6);
            JsonNode finished = data(mine.awaitEvent(event -> "receipt".equals(event.event())
                    && data(event).path("state").asText().equals("finished"), Duration.ofSeconds(40)));
            assertThat(finished.path("station").asText()).isEqualTo("st-a");
            assertThat(Instant.parse(finished.path("plannedStart").asText())).isEqualTo(start);
            controller.alerts().open(new Condition("st-b", Rule.DEAD_AIR, "test"), Instant.now());
            long alert = controller.alerts().open(new Condition("st-a", Rule.DEAD_AIR, "test"), Instant.now()).id();
            JsonNode opened = data(mine.awaitEvent(event -> "alert".equals(event.event()), Duration.ofSeconds(10)));
            assertThat(opened.path("id").asLong()).isEqualTo(alert);
            assertThat(opened.path("state").asText()).isEqualTo("open");

            agent.close();
            mine.awaitEvent(event -> "station".equals(event.event())
                    && data(event).path("status").asText().equals("offline"), Duration.ofSeconds(30));

            assertThat(other.events()).extracting(SseClient.Event::event).containsExactly("hello", "alert");
            assertThat(data(other.events().get(1)).path("station").asText()).isEqualTo("st-b");
            assertThat(mine.events()).filteredOn(event -> "alert".equals(event.event()))
                    .extracting(event -> data(event).path("station").asText()).isNotEmpty().containsOnly("st-a");
            assertThat(mine.events()).extracting(SseClient.Event::event).doesNotContain("error");
        }
    }

    @Test
    void theLiveStreamEndsWhenItsSessionEnds() {
        ApiClient operator1 = new ApiClient(controller.httpPort()).login("operator-1", PASSWORD);
        try (SseClient stream = SseClient.open(URI.create(admin.base() + "/api/v1/events"), operator1.token())) {
            stream.awaitEvent(event -> "hello".equals(event.event()), Duration.ofSeconds(10));
            assertThat(operator1.post("/api/v1/auth/logout", "{}").status()).isBetween(200, 204);

            controller.alerts().open(new Condition("st-a", Rule.DEAD_AIR, "test"), Instant.now());

            stream.awaitEvent(event -> "error".equals(event.event()), Duration.ofSeconds(10));
            stream.awaitEnd(Duration.ofSeconds(10));
            assertThat(stream.events()).extracting(SseClient.Event::event).containsExactly("hello", "error");
        }
    }

    /** A one-off schedule at st-a this many seconds ahead (whole seconds, local time); returns its start. */
    private Instant schedule(String bulletin, int secondsAhead) {
        LocalDateTime local = LocalDateTime.now(BroadcastTime.ZONE).plusSeconds(secondsAhead)
                .truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Answer created = admin.post("/api/v1/schedules", "{\"bulletinId\":\"" + bulletin + "\",\"start\":\""
                + local + "\",\"targets\":{\"stations\":[\"st-a\"]}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return local.atZone(BroadcastTime.ZONE).toInstant();
    }

    private static long heartbeats(JsonNode history) {
        long count = 0;
        for (JsonNode point : history.path("points")) {
            count += point.path("heartbeats").asLong();
        }
        return count;
    }

    private static JsonNode data(SseClient.Event event) {
        try {
            return JSON.readTree(event.data());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private StationAgent agent(String id) {
        return closing.add(TestAgents.start(admin, TestAgents.config(controller, id, dir.resolve("agent-" + id))));
    }

    private void station(String id, long area) {
        ApiClient.Answer created = admin.post("/api/v1/stations", "{\"id\":\"" + id + "\",\"areaId\":" + area
                + ",\"name\":\"Cụm " + id + "\",\"zones\":[{\"channel\":1,\"name\":\"Loa 1\"}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private void user(String username, long area) {
        ApiClient.Answer created = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":[{\"role\":\"operator\",\"areaId\":" + area + "}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }
}
