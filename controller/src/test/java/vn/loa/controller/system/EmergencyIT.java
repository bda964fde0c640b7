package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.controller.Controller;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.RelayLog;
import vn.loa.controller.testutil.SseClient;
import vn.loa.controller.testutil.TestAgents;
import vn.loa.controller.testutil.TestControllers;

/**
 * Emergency announcements end to end, with a real controller, its embedded broker and real
 * agents: pre-emption of what plays, live confirmation (API and event stream), stop and return
 * to the schedule, stations offline at the trigger, and the audit trail.
 */
class EmergencyIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Controller controller;
    private ApiClient api;
    private final Map<String, StationAgent> agents = new HashMap<>();
    private final RelayLog relays = new RelayLog();

    @AfterEach
    void stop() {
        agents.values().forEach(StationAgent::close);
        relays.close();
        if (controller != null) {
            controller.close();
        }
    }

    private void startController(String... stations) {
        controller = TestControllers.embedded(dir.resolve("controller"));
        api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, stations);
        for (String station : stations) {
            startAgent(station);
        }
        awaitOnline(stations);
    }

    private StationAgent startAgent(String id) {
        StationAgent agent = TestAgents.start(controller, api, dir, id);
        agents.put(id, agent);
        return agent;
    }

    private void awaitOnline(String... stations) {
        await("stations online").atMost(WAIT).until(() -> java.util.Arrays.stream(stations)
                .allMatch(id -> "online".equals(api.get("/api/v1/stations/" + id).json().path("status").asText())));
    }

    private Instant schedule(String bulletin, Instant start) {
        LocalDateTime local = LocalDateTime.ofInstant(start, BroadcastTime.ZONE);
        ApiClient.Answer created = api.post("/api/v1/schedules", "{\"bulletinId\":\"" + bulletin + "\",\"start\":\""
                + local + "\",\"targets\":{\"stations\":[\"st-a\",\"st-b\",\"st-c\"]}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return start;
    }

    private String stage(String emergency, String station) {
        for (JsonNode row : api.get("/api/v1/emergencies/" + emergency).json().path("stations")) {
            if (row.path("station").asText().equals(station)) {
                return row.path("stage").asText();
            }
        }
        return "absent";
    }

    private JsonNode station(String emergency, String station) {
        for (JsonNode row : api.get("/api/v1/emergencies/" + emergency).json().path("stations")) {
            if (row.path("station").asText().equals(station)) {
                return row;
            }
        }
        throw new AssertionError("no station " + station);
    }

    private Map<String, String> asRun(Instant around, String broadcast) {
        Map<String, String> states = new HashMap<>();
        String window = "from=" + around.minusSeconds(120) + "&to=" + around.plusSeconds(120);
        for (JsonNode row : api.get("/api/v1/broadcasts?" + window).json().path("broadcasts")) {
            if (row.path("broadcastId").asText().endsWith(broadcast)) {
                states.put(row.path("station").asText(), row.path("state").asText());
            }
        }
        return states;
    }

    @Test
    void emergencyForTwoOfThreeStationsCutsTheirBulletinWhileTheThirdKeepsItsScheduleAndStopReturnsThem() {
        startController("st-a", "st-b", "st-c");
        String news = BulletinUploads.approvedWav(api, "Bản tin thời sự", "normal", 12);
        String weather = BulletinUploads.approvedWav(api, "Dự báo thời tiết", "normal", 2);
        Instant first = schedule(news, Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(5));
        Instant second = schedule(weather, first.plusSeconds(20));
        String newsId = asRunId(first);
        await("the news plays everywhere").atMost(WAIT)
                .until(() -> asRun(first, newsId).values().stream().filter("playing"::equals).count() == 3);

        ApiClient.Answer triggered = api.post("/api/v1/emergencies", "{\"targets\":{\"stations\":[\"st-a\",\"st-b\"]},"
                + "\"standardMessage\":\"siren\",\"riskLevel\":4,\"title\":\"Cảnh báo lũ quét\"}");

        assertThat(triggered.status()).as(triggered.text()).isEqualTo(201);
        String id = triggered.json().path("id").asText();
        assertThat(triggered.json().path("repeat").asInt()).isEqualTo(3);
        assertThat(triggered.json().path("riskColour").asText()).isEqualTo("red");
        try (SseClient events = SseClient.open(URI.create(api.base() + "/api/v1/emergencies/" + id + "/events"),
                api.token())) {
            events.awaitEvent(event -> event.event().equals("snapshot"), WAIT);
            await("both stations confirm zones on, then playing").atMost(WAIT).until(() ->
                    stage(id, "st-a").equals("playing") && stage(id, "st-b").equals("playing"));
            assertThat(station(id, "st-a").path("zonesOnAt").isTextual()).isTrue();
            assertThat(station(id, "st-a").path("zones").toString()).isEqualTo("[1]");
            events.awaitEvent(event -> event.event().equals("station") && event.data().contains("\"playing\""), WAIT);
            assertThat(asRun(first, newsId)).containsEntry("st-a", "partly-played").containsEntry("st-b", "partly-played");
            assertThat(asRun(first, newsId).get("st-c")).isIn("playing", "finished");

            Instant stopAt = Instant.now();
            ApiClient.Answer stopped = api.post("/api/v1/emergencies/" + id + "/stop", "{}");

            assertThat(stopped.status()).as(stopped.text()).isEqualTo(200);
            for (String station : List.of("st-a", "st-b")) {
                await(station + " switches its zones off").atMost(WAIT).until(() -> relays.switches(station).stream()
                        .anyMatch(change -> !change.on() && change.at().isAfter(stopAt)));
                Instant off = relays.switches(station).stream().filter(change -> !change.on()
                        && change.at().isAfter(stopAt)).findFirst().orElseThrow().at();
                assertThat(Duration.between(stopAt, off)).as("zones off soon after the stop (goal: within a second)")
                        .isLessThan(Duration.ofSeconds(3));
            }
            assertThat(stopped.json().path("state").asText()).isEqualTo("stopped");
            events.awaitEvent(event -> event.event().equals("ended"), WAIT);
        }
        assertThat(stage(id, "st-a")).isEqualTo("stopped");
        assertThat(stage(id, "st-b")).isEqualTo("stopped");
        assertThat(stage(id, "st-c")).as("not a target").isEqualTo("absent");
        assertThat(asRun(first, "emergency:" + id)).as("the as-run log shows the announcement")
                .containsEntry("st-a", "partly-played").containsEntry("st-b", "partly-played");
        await("st-c finishes its news").atMost(WAIT).until(() -> "finished".equals(asRun(first, newsId).get("st-c")));
        String weatherId = asRunId(second);
        await("the schedule plays on at all three after the stop").atMost(WAIT).until(() ->
                asRun(second, weatherId).values().stream().filter("finished"::equals).count() == 3);

        JsonNode audit = api.get("/api/v1/audit?subject=" + id).json().path("entries");
        List<String> actions = new ArrayList<>();
        audit.forEach(entry -> actions.add(entry.path("action").asText() + " by " + entry.path("actor").asText()));
        assertThat(actions).contains("emergency.trigger by admin", "emergency.stop by admin");
        await("the outcome at every station is audited").atMost(WAIT).until(() -> api.get("/api/v1/audit?subject="
                + id + "&action=emergency.outcome").json().path("entries").size() == 1);
        assertThat(api.get("/api/v1/audit?action=emergency.outcome").json().path("entries").get(0)
                .path("detail").path("stations").toString()).contains("st-a", "st-b", "stopped");
    }

    @Test
    void aStationOfflineAtTheTriggerPlaysOnReconnectWithinTheValidityAndIsMissedOutsideIt() {
        startController("st-a", "st-b");
        agents.remove("st-b").close();
        await("st-b offline").atMost(WAIT).until(() ->
                "offline".equals(api.get("/api/v1/stations/st-b").json().path("status").asText()));

        ApiClient.Answer valid = api.post("/api/v1/emergencies", "{\"targets\":{\"stations\":[\"st-a\",\"st-b\"]},"
                + "\"standardMessage\":\"siren\",\"repeat\":1,\"validMinutes\":30}");
        String longLived = valid.json().path("id").asText();
        String until = Instant.now().plusSeconds(3).toString();
        ApiClient.Answer brief = api.post("/api/v1/emergencies", "{\"targets\":{\"stations\":[\"st-b\"]},"
                + "\"standardMessage\":\"siren\",\"repeat\":1,\"validUntil\":\"" + until + "\"}");
        String shortLived = brief.json().path("id").asText();

        assertThat(valid.status()).as(valid.text()).isEqualTo(201);
        assertThat(brief.status()).as(brief.text()).isEqualTo(201);
        assertThat(stage(longLived, "st-b")).isEqualTo("unreachable");
        await("st-a plays at once").atMost(WAIT).until(() -> stage(longLived, "st-a").equals("playing"));
        await("the brief one is missed at st-b once its validity ends").atMost(WAIT)
                .until(() -> stage(shortLived, "st-b").equals("missed"));
        assertThat(station(shortLived, "st-b").path("reason").asText()).contains("validity");

        startAgent("st-b");

        await("st-b plays the valid one on reconnect").atMost(WAIT)
                .until(() -> List.of("playing", "finished").contains(stage(longLived, "st-b")));
        await("and finishes it").atMost(WAIT).until(() -> stage(longLived, "st-b").equals("finished"));
        assertThat(stage(shortLived, "st-b")).isEqualTo("missed");
        assertThat(relays.switches("st-b")).filteredOn(RelayLog.Switch::on).hasSize(1);
    }

    @Test
    void everyStationKeepsTheStandardMessagesCachedBeforeAnyEmergency() {
        startController("st-a", "st-b");
        JsonNode standard = api.get("/api/v1/standard-messages").json().path("standardMessages");
        String siren = standard.get(0).path("bulletin").path("sha256").asText();

        assertThat(standard.get(0).path("key").asText()).isEqualTo("siren");
        await("the siren is on standby at both stations").atMost(WAIT).until(() ->
                java.nio.file.Files.isRegularFile(dir.resolve("agent-st-a/cache/" + siren))
                        && java.nio.file.Files.isRegularFile(dir.resolve("agent-st-b/cache/" + siren)));
    }

    @Test
    void anUploadedAnnouncementIsFetchedWhileTheZonesWarmUpAndPlays() {
        startController("st-a");
        ApiClient.Answer triggered = new vn.loa.controller.testutil.Multipart()
                .field("targets", "{\"stations\":[\"st-a\"]}").field("title", "Sơ tán khẩn cấp")
                .field("repeat", "1").field("riskLevel", "5")
                .file("file", writeWav("so-tan.wav", 2)).post(api, "/api/v1/emergencies");

        assertThat(triggered.status()).as(triggered.text()).isEqualTo(201);
        assertThat(triggered.json().path("audio").asText()).isEqualTo("upload");
        String id = triggered.json().path("id").asText();
        await("played to the end").atMost(WAIT).until(() -> stage(id, "st-a").equals("finished"));
        assertThat(api.get("/api/v1/bulletins/" + triggered.json().path("bulletinId").asText()).json()
                .path("state").asText()).as("its own approval").isEqualTo("approved");
    }

    @Test
    void badRequestsAreRefusedWithClearErrors() {
        startController("st-a");
        String yesterday = Instant.now().minus(Duration.ofDays(1)).toString();

        ApiClient.Answer unknownStation = api.post("/api/v1/emergencies",
                "{\"targets\":{\"stations\":[\"st-zz\"]},\"standardMessage\":\"siren\"}");
        ApiClient.Answer unknownArea = api.post("/api/v1/emergencies",
                "{\"targets\":{\"areas\":[9999]},\"standardMessage\":\"siren\"}");
        ApiClient.Answer past = api.post("/api/v1/emergencies", "{\"targets\":{\"stations\":[\"st-a\"]},"
                + "\"standardMessage\":\"siren\",\"validUntil\":\"" + yesterday + "\"}");
        ApiClient.Answer twoAudios = api.post("/api/v1/emergencies", "{\"targets\":{\"stations\":[\"st-a\"]},"
                + "\"standardMessage\":\"siren\",\"bulletinId\":\"bl-x\"}");
        ApiClient.Answer unknownMessage = api.post("/api/v1/emergencies",
                "{\"targets\":{\"stations\":[\"st-a\"]},\"standardMessage\":\"tsunami\"}");
        ApiClient.Answer badRisk = api.post("/api/v1/emergencies",
                "{\"targets\":{\"stations\":[\"st-a\"]},\"standardMessage\":\"siren\",\"riskLevel\":6}");
        ApiClient.Answer noToken = new ApiClient(controller.httpPort()).post("/api/v1/emergencies", "{}");
        ApiClient.Answer stopUnknown = api.post("/api/v1/emergencies/em-nothing/stop", "{}");

        assertThat(unknownStation.status()).isEqualTo(404);
        assertThat(unknownStation.message()).contains("st-zz");
        assertThat(unknownArea.status()).isEqualTo(404);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.message()).contains("validity");
        assertThat(twoAudios.status()).isEqualTo(400);
        assertThat(unknownMessage.status()).isEqualTo(404);
        assertThat(unknownMessage.message()).contains("siren");
        assertThat(badRisk.status()).isEqualTo(400);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(stopUnknown.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/emergencies").json().path("emergencies").size()).as("nothing triggered").isZero();
        assertThat(relays.switches("st-a")).isEmpty();
    }

    private Path writeWav(String name, double seconds) {
        try {
            Path file = dir.resolve(name);
            java.nio.file.Files.write(file, vn.loa.controller.testutil.TestAudio.wav(seconds));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The schedule broadcast id prefix for a start: every row of that occurrence. */
    private String asRunId(Instant start) {
        return "@" + start;
    }
}
