package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestAudio;
import vn.loa.controller.testutil.TestControllers;

/** Schedules through the API: the listing in local time, and every refusal with its status. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleApiIT {
    private Controller controller;
    private ApiClient api;
    private String approved;
    private long commune;

    @BeforeAll
    void start(@TempDir Path dir) {
        controller = vn.loa.controller.Controller.start(vn.loa.controller.config.ControllerConfig.ephemeral(dir)
                .withBroadcasts(new vn.loa.controller.config.ControllerConfig.Broadcasts(48, 5, 60, 1)),
                java.time.Clock.systemUTC(), TestControllers.ADMIN_PASSWORD);
        api = TestControllers.admin(controller);
        commune = DemoRegistry.communeWithStations(api, "st-1", "st-2");
        approved = BulletinUploads.approvedWav(api, "Bản tin sáng", "normal", 2.0);
    }

    @AfterAll
    void stop() {
        controller.close();
    }

    private String nextYear(String monthDayTime) {
        return (LocalDate.now(BroadcastTime.ZONE).getYear() + 1) + "-" + monthDayTime;
    }

    private ApiClient.Answer create(String bulletin, String start, String rrule, String targets) {
        return api.post("/api/v1/schedules", "{\"bulletinId\":\"" + bulletin + "\",\"start\":\"" + start + "\""
                + (rrule == null ? "" : ",\"rrule\":\"" + rrule + "\"") + ",\"targets\":" + targets + "}");
    }

    @Test
    void weeklyScheduleListsItsBroadcastsForFourteenDaysInLocalTime() {
        String start = nextYear("02-27T23:59:59");
        ApiClient.Answer created = create(approved, start, "FREQ=WEEKLY;BYDAY=SU,MO", "{\"stations\":[\"st-2\"]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        LocalDateTime first = LocalDateTime.parse(start);
        String from = first.toLocalDate().toString();
        JsonNode rows = api.get("/api/v1/broadcasts?station=st-2&from=" + from + "&to="
                + first.toLocalDate().plusDays(14)).json().path("broadcasts");
        java.util.List<String> localStarts = new java.util.ArrayList<>();
        rows.forEach(row -> localStarts.add(java.time.Instant.parse(row.path("plannedStart").asText())
                .atZone(BroadcastTime.ZONE).toLocalDateTime().toString()));
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (LocalDate day = first.toLocalDate(); day.isBefore(first.toLocalDate().plusDays(14)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY || day.getDayOfWeek() == java.time.DayOfWeek.MONDAY) {
                expected.add(day + "T23:59:59");
            }
        }
        assertThat(localStarts).isEqualTo(expected);
        assertThat(rows.get(0).path("state").asText()).isEqualTo("planned");
        String csv = api.get("/api/v1/broadcasts?station=st-2&from=" + from + "&to="
                + first.toLocalDate().plusDays(14) + "&format=csv").text();
        assertThat(csv).startsWith("broadcast_id,station").contains(expected.get(0).replace('T', ' '));
    }

    @Test
    void invalidRruleIsA400NamingTheProblem() {
        ApiClient.Answer answer = create(approved, nextYear("05-01T06:00"), "FREQ=SOMETIMES",
                "{\"stations\":[\"st-1\"]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_rrule");
        assertThat(answer.message()).contains("FREQ=SOMETIMES");
    }

    @Test
    void draftBulletinCannotBeScheduled() {
        ApiClient.Answer uploaded = BulletinUploads.upload(api, TestAudio.wav(1), "draft.wav",
                Map.of("title", "Nháp", "class", "normal", "language", "vi"));
        ApiClient.Answer answer = create(uploaded.json().path("id").asText(), nextYear("05-02T06:00"), null,
                "{\"stations\":[\"st-1\"]}");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.error()).isEqualTo("bulletin_not_approved");
    }

    @Test
    void unknownTargetsAre404() {
        assertThat(create(approved, nextYear("05-03T06:00"), null, "{\"stations\":[\"st-404\"]}").status())
                .isEqualTo(404);
        assertThat(create(approved, nextYear("05-03T06:00"), null, "{\"areas\":[9999]}").status()).isEqualTo(404);
        assertThat(create(approved, nextYear("05-03T06:00"), null,
                "{\"zones\":[{\"station\":\"st-1\",\"channel\":7}]}").message()).contains("channel 7");
        assertThat(create("bl-missing", nextYear("05-03T06:00"), null, "{\"stations\":[\"st-1\"]}").status())
                .isEqualTo(404);
    }

    @Test
    void sameZoneSameTimeIsAConflictNamingTheOtherSchedule() {
        ApiClient.Answer first = create(approved, nextYear("06-01T07:00"), "FREQ=DAILY;COUNT=5",
                "{\"areas\":[" + commune + "]}");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        ApiClient.Answer clash = create(approved, nextYear("06-03T07:00:01"), null, "{\"stations\":[\"st-1\"]}");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.error()).isEqualTo("schedule_conflict");
        assertThat(clash.message()).contains(first.json().path("id").asText()).contains("st-1");
    }

    @Test
    void pastOneOffAndMissingTargetsAre400() {
        assertThat(create(approved, "2020-01-01T06:00", null, "{\"stations\":[\"st-1\"]}").status()).isEqualTo(400);
        assertThat(create(approved, nextYear("05-04T06:00"), null, "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/schedules", "{\"bulletinId\":\"" + approved + "\",\"start\":\"tomorrow\","
                + "\"targets\":{\"stations\":[\"st-1\"]}}").message()).contains("local date-time");
    }

    @Test
    void cancelledScheduleLeavesTheListingAndCannotBeCancelledTwice() {
        ApiClient.Answer created = create(approved, nextYear("07-01T08:00"), null, "{\"stations\":[\"st-1\"]}");
        String id = created.json().path("id").asText();
        assertThat(api.delete("/api/v1/schedules/" + id).json().path("state").asText()).isEqualTo("cancelled");
        assertThat(api.delete("/api/v1/schedules/" + id).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/schedules/sc-unknown").status()).isEqualTo(404);
    }

    @Test
    void quietHoursAreSetShownAndValidated() {
        assertThat(api.get("/api/v1/areas/" + commune + "/quiet-hours").status()).isEqualTo(404);
        ApiClient.Answer set = api.send(api.builder("/api/v1/areas/" + commune + "/quiet-hours")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"from\":\"21:30\",\"to\":\"05:30\"}")));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(api.get("/api/v1/areas/" + commune + "/quiet-hours").json().path("from").asText()).isEqualTo("21:30");
        ApiClient.Answer bad = api.send(api.builder("/api/v1/areas/" + commune + "/quiet-hours")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"from\":\"25:00\",\"to\":\"05:30\"}")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/areas/" + commune + "/quiet-hours").status()).isEqualTo(204);
    }

    @Test
    void broadcastWithoutAnyReceiptShowsUnconfirmedAfterItsEndAndTheGrace() {
        LocalDateTime start = LocalDateTime.now(BroadcastTime.ZONE).plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ApiClient.Answer created = create(approved, start.toString(), null, "{\"stations\":[\"st-2\"]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        java.time.Instant at = start.atZone(BroadcastTime.ZONE).toInstant();
        String window = "/api/v1/broadcasts?station=st-2&from=" + at.minusSeconds(1) + "&to=" + at.plusSeconds(1);
        assertThat(api.get(window).json().path("broadcasts").get(0).path("state").asText()).isEqualTo("planned");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                "unconfirmed".equals(api.get(window).json().path("broadcasts").get(0).path("state").asText()));
    }
}
