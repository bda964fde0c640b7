package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.controller.Controller;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestAgents;
import vn.loa.controller.testutil.TestAudio;
import vn.loa.controller.testutil.TestControllers;

/**
 * The console's calendar editor on a real controller with a real agent: a schedule checked before
 * it is saved (its conflicts and first occurrences, nothing stored), and a schedule edited (its
 * successor replaces it, the station's plan follows).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleEditIT {
    private Controller controller;
    private ApiClient api;
    private String approved;
    private StationAgent agent;

    @BeforeAll
    void start(@TempDir Path dir) {
        controller = TestControllers.embedded(dir.resolve("controller"));
        api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, "st-1", "st-2");
        approved = BulletinUploads.approvedWav(api, "Bản tin sáng", "normal", 2.0);
        agent = TestAgents.start(api, TestAgents.config(controller, "st-1", dir.resolve("agent")));
        await("the station is online").atMost(Duration.ofSeconds(20))
                .until(() -> "online".equals(api.get("/api/v1/stations/st-1").json().path("status").asText()));
    }

    @AfterAll
    void stop() {
        if (agent != null) {
            agent.close();
        }
        controller.close();
    }

    private static String nextYear(String monthDayTime) {
        return (LocalDate.now(BroadcastTime.ZONE).getYear() + 1) + "-" + monthDayTime;
    }

    private static String body(String bulletin, String start, String rrule, String targets) {
        return "{\"bulletinId\":\"" + bulletin + "\",\"start\":\"" + start + "\""
                + (rrule == null ? "" : ",\"rrule\":\"" + rrule + "\"") + ",\"targets\":" + targets + "}";
    }

    private ApiClient.Answer put(String path, String json) {
        return api.send(api.builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String created(String json) {
        ApiClient.Answer created = api.post("/api/v1/schedules", json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private int scheduleCount() {
        return api.get("/api/v1/schedules").json().path("schedules").size();
    }

    @Test
    void aCheckListsTheConflictsAndFirstOccurrencesAndStoresNothing() {
        String daily = created(body(approved, nextYear("03-02T06:30"), "FREQ=DAILY", "{\"stations\":[\"st-2\"]}"));
        int before = scheduleCount();

        ApiClient.Answer check = api.post("/api/v1/schedules/check", body(approved, nextYear("03-05T06:30:01"),
                "FREQ=DAILY;INTERVAL=2", "{\"stations\":[\"st-2\"]}"));

        assertThat(check.status()).as(check.text()).isEqualTo(200);
        JsonNode conflict = check.json().path("conflicts").get(0);
        assertThat(check.json().path("conflicts")).hasSize(1);
        assertThat(conflict.path("schedule").asText()).isEqualTo(daily);
        assertThat(conflict.path("station").asText()).isEqualTo("st-2");
        assertThat(conflict.path("channel").asInt()).isEqualTo(1);
        assertThat(conflict.path("at").asText()).isEqualTo(nextYear("03-05T06:30:01"));
        List<String> first = new ArrayList<>();
        check.json().path("firstOccurrences").forEach(at -> first.add(at.asText()));
        assertThat(first).hasSize(10).startsWith(nextYear("03-05T06:30:01"));
        assertThat(scheduleCount()).isEqualTo(before);

        ApiClient.Answer clear = api.post("/api/v1/schedules/check", body(approved, nextYear("03-05T07:30"), null,
                "{\"stations\":[\"st-2\"]}"));
        assertThat(clear.json().path("conflicts")).isEmpty();
        assertThat(clear.json().path("firstOccurrences")).hasSize(1);

        ApiClient.Answer editing = api.post("/api/v1/schedules/check?replacing=" + daily, body(approved,
                nextYear("03-05T06:30:01"), "FREQ=DAILY;INTERVAL=2", "{\"stations\":[\"st-2\"]}"));
        assertThat(editing.json().path("conflicts")).as("an edit does not conflict with what it replaces").isEmpty();
        assertThat(api.post("/api/v1/schedules/check?replacing=sc-none", body(approved, nextYear("03-05T07:30"), null,
                "{\"stations\":[\"st-2\"]}")).status()).isEqualTo(404);
    }

    @Test
    void aCheckRefusesWhatCreatingWouldRefuse() {
        String draft = BulletinUploads.upload(api, TestAudio.wav(1), "draft.wav", Map.of("title", "Nháp",
                "class", "normal", "language", "vi")).json().path("id").asText();
        String stations = "{\"stations\":[\"st-2\"]}";
        assertThat(api.post("/api/v1/schedules/check", body(draft, nextYear("04-01T06:00"), null, stations)).error())
                .isEqualTo("bulletin_not_approved");
        assertThat(api.post("/api/v1/schedules/check", body("b-none", nextYear("04-01T06:00"), null, stations))
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/schedules/check", body(approved, nextYear("04-01T06:00"), "FREQ=SOMETIMES",
                stations)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/schedules/check", body(approved, nextYear("04-01T06:00"), null,
                "{\"stations\":[\"st-9\"]}")).status()).isEqualTo(404);
    }

    @Test
    void anEditedScheduleIsReplacedByItsSuccessorAndTheStationsPlanFollows() {
        // within the plans' horizon (48 h), so the station's plan changes
        LocalDateTime start = LocalDateTime.now(BroadcastTime.ZONE).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        String old = created(body(approved, start.toString(), "FREQ=DAILY", "{\"stations\":[\"st-1\"]}"));
        await("the station has a plan").atMost(Duration.ofSeconds(20)).until(() -> agent.planVersion() > 0);
        long planBefore = agent.planVersion();

        // a minute later: it would clash with itself were the old one counted
        ApiClient.Answer edited = put("/api/v1/schedules/" + old, body(approved, start.plusMinutes(1).toString(),
                "FREQ=DAILY", "{\"stations\":[\"st-1\"]}"));

        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        String successor = edited.json().path("id").asText();
        assertThat(successor).isNotEqualTo(old);
        assertThat(edited.json().path("replaces").asText()).isEqualTo(old);
        assertThat(edited.json().path("start").asText()).startsWith(start.plusMinutes(1).toString());
        assertThat(api.get("/api/v1/schedules/" + old).json().path("state").asText()).isEqualTo("cancelled");
        assertThat(api.get("/api/v1/schedules/" + successor).json().path("replaces").asText()).isEqualTo(old);
        await("the new plan reaches the station").atMost(Duration.ofSeconds(20))
                .until(() -> agent.planVersion() > planBefore);
        JsonNode planned = api.get("/api/v1/broadcasts?station=st-1&from=" + start.minusHours(1) + "&to="
                + start.plusHours(1)).json().path("broadcasts");
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).path("scheduleId").asText()).isEqualTo(successor);

        ApiClient.Answer again = put("/api/v1/schedules/" + old, body(approved, start.plusMinutes(2).toString(),
                "FREQ=DAILY", "{\"stations\":[\"st-1\"]}"));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
    }

    @Test
    void anEditThatWouldClashWithAnotherScheduleIsRefusedAndTheOldOneStays() {
        String other = created(body(approved, nextYear("06-01T08:00"), null, "{\"stations\":[\"st-2\"]}"));
        String mine = created(body(approved, nextYear("06-01T09:00"), null, "{\"stations\":[\"st-2\"]}"));

        ApiClient.Answer clash = put("/api/v1/schedules/" + mine, body(approved, nextYear("06-01T08:00:01"), null,
                "{\"stations\":[\"st-2\"]}"));

        assertThat(clash.status()).as(clash.text()).isEqualTo(409);
        assertThat(clash.error()).isEqualTo("schedule_conflict");
        assertThat(clash.message()).contains(other);
        assertThat(api.get("/api/v1/schedules/" + mine).json().path("state").asText()).isEqualTo("active");
        assertThat(put("/api/v1/schedules/sc-none", body(approved, nextYear("06-01T10:00"), null,
                "{\"stations\":[\"st-2\"]}")).status()).isEqualTo(404);
    }
}
