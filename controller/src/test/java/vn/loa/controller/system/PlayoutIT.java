package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.controller.Controller;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.Mosquitto;
import vn.loa.controller.testutil.RelayLog;
import vn.loa.controller.testutil.TestAgents;
import vn.loa.controller.testutil.TestControllers;

/**
 * The core job end to end: an approved bulletin scheduled a few seconds ahead plays at every
 * targeted station (relays on a warm-up before, off a hold after), and the as-run log proves it
 * from the stations' receipts, even when the broker is down while it plays.
 */
class PlayoutIT {
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    private static final Duration HOLD = Duration.ofSeconds(1);
    private static final double BULLETIN_SECONDS = 2.0;

    @TempDir
    Path dir;

    private Controller controller;
    private Mosquitto mosquitto;
    private final List<StationAgent> agents = new ArrayList<>();
    private final RelayLog relays = new RelayLog();

    @AfterEach
    void stop() throws Exception {
        agents.forEach(StationAgent::close);
        relays.close();
        if (controller != null) {
            controller.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void scheduledBulletinPlaysAtBothStationsAndTheAsRunLogShowsItFinished() {
        controller = TestControllers.embedded(dir.resolve("controller"));
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, "st-a", "st-b");
        String bulletin = BulletinUploads.approvedWav(api, "Bản tin thời sự", "normal", BULLETIN_SECONDS);
        String broker = "tcp://127.0.0.1:" + controller.embeddedBrokerPort().orElseThrow();
        agents.add(agent(api, "st-a", broker));
        agents.add(agent(api, "st-b", broker));
        awaitOnline(api, "st-a", "st-b");

        Instant start = schedule(api, bulletin, 8, "\"st-a\",\"st-b\"");
        List<JsonNode> rows = awaitFinished(api, start, 2);

        for (JsonNode row : rows) {
            Instant actualStart = Instant.parse(row.path("actualStart").asText());
            Instant actualEnd = Instant.parse(row.path("actualEnd").asText());
            assertThat(Duration.between(start, actualStart).abs()).isLessThan(Duration.ofMillis(500));
            assertThat(Duration.between(actualStart, actualEnd).toMillis()).isBetween(1500L, 3000L);
            assertThat(row.path("zonesOn").get(0).asInt()).isEqualTo(1);
            assertRelaySequence(row.path("station").asText(), start, actualEnd);
        }
    }

    @Test
    void stationPlaysOnTimeWithTheBrokerDownAndEveryReceiptArrivesOnceAfterIt() throws Exception {
        mosquitto = Mosquitto.start(Files.createDirectories(dir.resolve("mosquitto")));
        controller = TestControllers.external(dir.resolve("controller"), mosquitto.uri());
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, "st-a");
        String bulletin = BulletinUploads.approvedWav(api, "Bản tin mất mạng", "normal", BULLETIN_SECONDS);
        StationAgent agent = agent(api, "st-a", mosquitto.uri());
        agents.add(agent);
        awaitOnline(api, "st-a");
        long before = agent.planVersion();

        Instant start = schedule(api, bulletin, 12, "\"st-a\"");
        await("the new plan reaches the station").atMost(Duration.ofSeconds(10))
                .until(() -> agent.planVersion() > before);
        mosquitto.stop();

        await("the station plays with the broker down").atMost(Duration.ofSeconds(30))
                .until(() -> relays.switches("st-a").stream().anyMatch(change -> !change.on()
                        && change.at().isAfter(start)));
        assertThat(controller.brokerConnected()).isFalse();
        mosquitto.restart();

        List<JsonNode> rows = awaitFinished(api, start, 1);
        assertRelaySequence("st-a", start, Instant.parse(rows.get(0).path("actualEnd").asText()));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("controller/loa.db"));
             ResultSet count = db.createStatement().executeQuery(
                     "SELECT state, COUNT(*) FROM receipts WHERE station_id = 'st-a' GROUP BY state ORDER BY state")) {
            List<String> stored = new ArrayList<>();
            while (count.next()) {
                stored.add(count.getString(1) + "=" + count.getInt(2));
            }
            assertThat(stored).containsExactly("finished=1", "started=1");
        }
    }

    private StationAgent agent(ApiClient api, String id, String broker) {
        return TestAgents.start(api, TestAgents.config(controller, broker, id, dir.resolve("agent-" + id))
                .withPlayout(PlayoutSettings.defaults().withWarmUp(WARM_UP).withHold(HOLD)));
    }

    private static void awaitOnline(ApiClient api, String... stations) {
        await("stations online").atMost(Duration.ofSeconds(20)).until(() -> java.util.Arrays.stream(stations)
                .allMatch(id -> "online".equals(api.get("/api/v1/stations/" + id).json().path("status").asText())));
    }

    /** A one-off schedule this many seconds ahead (whole seconds, local time); returns its start. */
    private static Instant schedule(ApiClient api, String bulletin, int secondsAhead, String stations) {
        LocalDateTime local = LocalDateTime.now(BroadcastTime.ZONE).plusSeconds(secondsAhead).truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Answer created = api.post("/api/v1/schedules", "{\"bulletinId\":\"" + bulletin + "\",\"start\":\""
                + local + "\",\"targets\":{\"stations\":[" + stations + "]}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return local.atZone(BroadcastTime.ZONE).toInstant();
    }

    private static List<JsonNode> awaitFinished(ApiClient api, Instant start, int count) {
        String window = "from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(60);
        await("as-run log shows the broadcasts finished").atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode rows = api.get("/api/v1/broadcasts?" + window).json().path("broadcasts");
            int finished = 0;
            for (JsonNode row : rows) {
                finished += "finished".equals(row.path("state").asText()) ? 1 : 0;
            }
            return finished == count;
        });
        List<JsonNode> rows = new ArrayList<>();
        api.get("/api/v1/broadcasts?" + window).json().path("broadcasts").forEach(rows::add);
        return rows;
    }

    /** Zone on a warm-up before the start, off a hold after the end. */
    private void assertRelaySequence(String station, Instant start, Instant end) {
        await("zones of " + station + " off after the hold").atMost(Duration.ofSeconds(10))
                .until(() -> relays.switches(station).stream().anyMatch(change -> !change.on() && change.at().isAfter(end)));
        List<RelayLog.Switch> changes = relays.switches(station).stream()
                .filter(change -> change.at().isAfter(start.minusSeconds(10)) && change.at().isBefore(end.plusSeconds(10)))
                .toList();
        assertThat(changes).extracting(RelayLog.Switch::on).startsWith(true, false);
        assertThat(Duration.between(start.minus(WARM_UP), changes.get(0).at()).abs()).isLessThan(Duration.ofMillis(500));
        assertThat(Duration.between(end.plus(HOLD), changes.get(1).at()).abs()).isLessThan(Duration.ofMillis(500));
    }
}
