package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import java.net.URI;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.SseClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestAudio;
import vn.loa.controller.testutil.TestControllers;

/**
 * Every role against every kind of endpoint, in its own areas and elsewhere, on a real controller:
 * a province with districts D1 (communes C1, C2) and D2 (commune C3), a station in each commune, and
 * one user per role over D1 (the operator over C1, a second operator over C3). Each action is tried
 * by every user; exactly the listed ones may do it, every other gets 403 with the JSON error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {
    private static final String PASSWORD = "a-long-test-password";
    private static final List<String> USERS = List.of("admin", "scheduler", "approver", "technician", "operator",
            "operator3");

    private static final java.util.concurrent.atomic.AtomicInteger SCHEDULED =
            new java.util.concurrent.atomic.AtomicInteger();

    private Controller controller;
    private final Map<String, ApiClient> as = new LinkedHashMap<>();
    private long province;
    private long d1;
    private long d2;
    private long c1;
    private long c3;
    private String newsD1;
    private String newsD2;
    private String scheduleS1;
    private String scheduleS3;
    private String emergencyS1;
    private String emergencyS3;

    @BeforeAll
    void setUp(@TempDir Path dataDir) {
        controller = TestControllers.embedded(dataDir);
        ApiClient admin = TestControllers.admin(controller);
        province = DemoRegistry.create(admin, "{\"name\":\"Tỉnh\",\"code\":\"P\",\"level\":\"province\"}");
        d1 = DemoRegistry.create(admin, area("Huyện 1", "D1", "district", province));
        d2 = DemoRegistry.create(admin, area("Huyện 2", "D2", "district", province));
        c1 = DemoRegistry.create(admin, area("Xã 1", "C1", "commune", d1));
        long c2 = DemoRegistry.create(admin, area("Xã 2", "C2", "commune", d1));
        c3 = DemoRegistry.create(admin, area("Xã 3", "C3", "commune", d2));
        station(admin, "s1", c1);
        station(admin, "s2", c2);
        station(admin, "s3", c3);
        as.put("admin", admin);
        user(admin, "scheduler", "scheduler", d1);
        user(admin, "approver", "approver", d1);
        user(admin, "technician", "technician", d1);
        user(admin, "operator", "operator", c1);
        user(admin, "operator3", "operator", c3);
        newsD1 = approved(admin, d1);
        newsD2 = approved(admin, d2);
        scheduleS1 = schedule(admin, newsD1, "s1");
        scheduleS3 = schedule(admin, newsD2, "s3");
        emergencyS1 = emergency(admin, "s1");
        emergencyS3 = emergency(admin, "s3");
    }

    @AfterAll
    void tearDown() {
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void onlyAdminsManageUsersSettingsAndReadTheAudit() {
        expect("list users", api -> api.get("/api/v1/users"), "admin");
        expect("create a user", api -> api.post("/api/v1/users", "{\"username\":\"u" + System.nanoTime()
                + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[{\"role\":\"operator\",\"areaId\":" + c1 + "}]}"),
                "admin");
        expect("create an area", api -> api.post("/api/v1/areas",
                area("Xã mới " + System.nanoTime(), "N" + System.nanoTime(), "commune", d1)), "admin");
        ApiClient.Answer reserved = as.get("admin").post("/api/v1/users", "{\"username\":\"system\",\"password\":\""
                + PASSWORD + "\",\"roles\":[{\"role\":\"admin\"}]}");
        assertThat(reserved.status()).as(reserved.text()).isEqualTo(400);
        expect("read the audit log", api -> api.get("/api/v1/audit"), "admin");
        expect("choose a standard message", api -> api.send(api.builder("/api/v1/standard-messages/flood")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"bulletinId\":\"" + newsD1 + "\"}"))), "admin");
    }

    @Test
    void stationsAreSeenInTheirAreasAndManagedByTechnicians() {
        expect("see a station of C1", api -> api.get("/api/v1/stations/s1"),
                "admin", "scheduler", "technician", "operator");
        expect("see a station of C3", api -> api.get("/api/v1/stations/s3"), "admin", "operator3");
        expect("chart a station of C1", api -> api.get("/api/v1/stations/s1/history"),
                "admin", "scheduler", "technician", "operator");
        expect("chart a station of C3", api -> api.get("/api/v1/stations/s3/history?from=2026-11-01&to=2026-11-08"),
                "admin", "operator3");
        expect("register a station in C1", api -> api.post("/api/v1/stations",
                "{\"areaId\":" + c1 + ",\"name\":\"Cụm mới\"}"), "admin", "technician");
        expect("register a station in C3", api -> api.post("/api/v1/stations",
                "{\"areaId\":" + c3 + ",\"name\":\"Cụm mới\"}"), "admin");
        expect("rename a station of C1", api -> api.patch("/api/v1/stations/s1", "{\"name\":\"Cụm 1\"}"),
                "admin", "technician");
        expect("rename a station of C3", api -> api.patch("/api/v1/stations/s3", "{\"name\":\"Cụm 3\"}"), "admin");
        expect("move a station of C1 to C3", api -> api.patch("/api/v1/stations/" + freshStation(c1),
                "{\"areaId\":" + c3 + "}"), "admin");
        expect("issue credentials to a station of C1", api -> api.post("/api/v1/stations/" + freshStation(c1)
                + "/credentials", ""), "admin", "technician");
        expect("issue credentials to a station of C3", api -> api.post("/api/v1/stations/" + freshStation(c3)
                + "/credentials", ""), "admin");
        expect("make an enrolment token for a station of C1", api -> api.post("/api/v1/stations/"
                + freshStation(c1) + "/enrolment", ""), "admin", "technician");
        expect("make an enrolment token for a station of C3", api -> api.post("/api/v1/stations/"
                + freshStation(c3) + "/enrolment", ""), "admin");
        expect("retire a station of C1", api -> api.delete("/api/v1/stations/" + freshStation(c1)),
                "admin", "technician");
        expect("retire a station of C3", api -> api.delete("/api/v1/stations/" + freshStation(c3)), "admin");

        expect("list the stations of C3", api -> api.get("/api/v1/stations?area=" + c3), "admin", "operator3");
        assertThat(ids(as.get("technician").get("/api/v1/stations?area=" + province), "stations"))
                .contains("s1", "s2").doesNotContain("s3");
        assertThat(ids(as.get("operator").get("/api/v1/stations"), "stations")).contains("s1")
                .doesNotContain("s2", "s3");
        assertThat(ids(as.get("technician").get("/api/v1/stations"), "stations")).contains("s1", "s2")
                .doesNotContain("s3");
        assertThat(ids(as.get("admin").get("/api/v1/stations"), "stations")).contains("s1", "s2", "s3");
    }

    @Test
    void bulletinsAreUploadedBySchedulersApprovedByApproversInTheirAreas() {
        expect("upload a bulletin for D1", api -> upload(api, d1), "admin", "scheduler");
        expect("upload a bulletin for D2", api -> upload(api, d2), "admin");
        expect("see a bulletin of D1", api -> api.get("/api/v1/bulletins/" + newsD1),
                "admin", "scheduler", "approver", "operator");
        expect("listen to a bulletin of D1", api -> api.get("/api/v1/bulletins/" + newsD1 + "/audio"),
                "admin", "scheduler", "approver", "operator");
        expect("see a bulletin of D2", api -> api.get("/api/v1/bulletins/" + newsD2), "admin", "operator3");
        expect("approve a bulletin of D1", api -> api.post("/api/v1/bulletins/" + draft(d1) + "/approve", "{}"),
                "admin", "approver");
        expect("approve a bulletin of D2", api -> api.post("/api/v1/bulletins/" + draft(d2) + "/approve", "{}"),
                "admin");
        expect("archive a bulletin of D1", api -> api.post("/api/v1/bulletins/" + draft(d1) + "/archive", "{}"),
                "admin", "scheduler");
        expect("archive a bulletin of D2", api -> api.post("/api/v1/bulletins/" + draft(d2) + "/archive", "{}"),
                "admin");

        String shaD2 = as.get("admin").get("/api/v1/bulletins/" + newsD2).json().path("sha256").asText();
        expect("fetch a D2 bulletin's audio by content", api -> api.get("/audio/" + shaD2), "admin", "operator3");
        assertThat(as.get("operator3").get("/audio/" + shaD2).raw().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("private"));
        assertThat(ids(as.get("operator").get("/api/v1/bulletins"), "bulletins")).contains(newsD1)
                .doesNotContain(newsD2);
    }

    @Test
    void schedulesAreWrittenBySchedulersAndByOperatorsForTheirCommune() {
        expect("schedule at a station of C1", api -> api.post("/api/v1/schedules", scheduleJson(newsD1, "s1")),
                "admin", "scheduler", "operator");
        expect("schedule at a station of C3", api -> api.post("/api/v1/schedules", scheduleJson(newsD2, "s3")),
                "admin", "operator3");
        expect("see a schedule of C1", api -> api.get("/api/v1/schedules/" + scheduleS1),
                "admin", "scheduler", "technician", "operator");
        expect("see a schedule of C3", api -> api.get("/api/v1/schedules/" + scheduleS3), "admin", "operator3");
        expect("check a schedule at a station of C1", api -> api.post("/api/v1/schedules/check",
                scheduleJson(newsD1, "s1")), "admin", "scheduler", "operator");
        expect("check a schedule at a station of C3", api -> api.post("/api/v1/schedules/check",
                scheduleJson(newsD2, "s3")), "admin", "operator3");
        expect("edit a schedule of C1", api -> put(api, "/api/v1/schedules/" + schedule(as.get("admin"), newsD1, "s1"),
                scheduleJson(newsD1, "s1")), "admin", "scheduler", "operator");
        expect("edit a schedule of C3", api -> put(api, "/api/v1/schedules/" + schedule(as.get("admin"), newsD2, "s3"),
                scheduleJson(newsD2, "s3")), "admin", "operator3");
        expect("cancel a schedule of C1", api -> api.delete("/api/v1/schedules/"
                + schedule(as.get("admin"), newsD1, "s1")), "admin", "scheduler", "operator");
        expect("cancel a schedule of C3", api -> api.delete("/api/v1/schedules/"
                + schedule(as.get("admin"), newsD2, "s3")), "admin", "operator3");
        expect("set quiet hours in C1", api -> quietHours(api, c1), "admin", "scheduler");
        expect("set quiet hours in C3", api -> quietHours(api, c3), "admin");
        expect("read the as-run log of C1", api -> api.get("/api/v1/broadcasts?station=s1"),
                "admin", "scheduler", "technician", "operator");
        expect("export the as-run log of C1", api -> api.get("/api/v1/broadcasts?station=s1&format=csv"),
                "admin", "scheduler", "technician", "operator");
        expect("read the as-run log of C3", api -> api.get("/api/v1/broadcasts?station=s3"), "admin", "operator3");
        expect("read the reports of D1", api -> api.get("/api/v1/reports/summary?area=" + d1),
                "admin", "scheduler", "technician");
        expect("print the yearly review of D1", api -> api.get("/api/v1/reports/summary?area=" + d1
                + "&from=2026-01-01&to=2027-01-01&format=html"), "admin", "scheduler", "technician");
        expect("export the broadcast hours of C1", api -> api.get("/api/v1/reports/broadcast-hours?area=" + c1
                + "&format=csv"), "admin", "scheduler", "technician", "operator");
        expect("read the availability of C1", api -> api.get("/api/v1/reports/availability?area=" + c1),
                "admin", "scheduler", "technician", "operator");
        expect("read the emergencies report of C3", api -> api.get("/api/v1/reports/emergencies?area=" + c3),
                "admin", "operator3");

        assertThat(ids(as.get("operator").get("/api/v1/schedules"), "schedules")).contains(scheduleS1)
                .doesNotContain(scheduleS3);
    }

    @Test
    void anOperatorRunsEmergenciesOfTheirCommuneOnly() {
        expect("trigger an emergency in C1", api -> api.post("/api/v1/emergencies", emergencyJson("s1")),
                "admin", "operator");
        expect("trigger an emergency in C3", api -> api.post("/api/v1/emergencies", emergencyJson("s3")),
                "admin", "operator3");
        expect("see an emergency of C1", api -> api.get("/api/v1/emergencies/" + emergencyS1), "admin", "operator");
        expect("see an emergency of C3", api -> api.get("/api/v1/emergencies/" + emergencyS3), "admin", "operator3");
        expect("follow an emergency of C1", api -> stream(api, "/api/v1/emergencies/" + emergencyS1 + "/events"),
                "admin", "operator");
        expect("follow an emergency of C3", api -> stream(api, "/api/v1/emergencies/" + emergencyS3 + "/events"),
                "admin", "operator3");
        expect("stop an emergency of C1", api -> api.post("/api/v1/emergencies/" + emergency(as.get("admin"), "s1")
                + "/stop", "{}"), "admin", "operator");
        expect("stop an emergency of C3", api -> api.post("/api/v1/emergencies/" + emergency(as.get("admin"), "s3")
                + "/stop", "{}"), "admin", "operator3");
        expect("list the standard messages", api -> api.get("/api/v1/standard-messages"),
                "admin", "operator", "operator3");
        expect("post a CAP alert", api -> api.send(api.builder("/api/v1/cap")
                .header("Content-Type", "application/cap+xml")
                .POST(HttpRequest.BodyPublishers.ofString("<alert/>"))), 400, "admin");

        String both = as.get("admin").post("/api/v1/emergencies", "{\"targets\":{\"stations\":[\"s1\",\"s3\"]},"
                + "\"standardMessage\":\"siren\",\"repeat\":1,\"validMinutes\":5}").json().path("id").asText();
        assertThat(stationsOf(as.get("operator").get("/api/v1/emergencies/" + both))).containsExactly("s1");
        assertThat(stationsOf(as.get("operator3").get("/api/v1/emergencies/" + both))).containsExactly("s3");
        assertThat(stationsOf(as.get("admin").get("/api/v1/emergencies/" + both))).containsExactlyInAnyOrder("s1", "s3");
        assertThat(ids(as.get("operator").get("/api/v1/emergencies"), "emergencies")).contains(emergencyS1)
                .doesNotContain(emergencyS3);
        assertThat(ids(as.get("operator3").get("/api/v1/emergencies"), "emergencies")).contains(emergencyS3)
                .doesNotContain(emergencyS1);
    }

    @Test
    void aLiveStreamEndsWhenItsSessionIsRevoked() {
        ApiClient admin = as.get("admin");
        user(admin, "operator-leaving", "operator", c1);
        long id = admin.get("/api/v1/users").json().findValues("users").get(0).findParents("username").stream()
                .filter(user -> "operator-leaving".equals(user.path("username").asText()))
                .findFirst().orElseThrow().path("id").asLong();
        String emergency = emergency(admin, "s1");
        try (SseClient stream = SseClient.open(URI.create(admin.base() + "/api/v1/emergencies/" + emergency
                + "/events"), as.get("operator-leaving").token())) {
            stream.awaitEvent(event -> "snapshot".equals(event.event()), Duration.ofSeconds(10));
            assertThat(admin.post("/api/v1/users/" + id + "/disable", "{}").status()).isEqualTo(200);
            assertThat(admin.post("/api/v1/emergencies/" + emergency + "/stop", "{}").status()).isEqualTo(200);

            stream.awaitEvent(event -> "error".equals(event.event()), Duration.ofSeconds(10));
            stream.awaitEnd(Duration.ofSeconds(10));
            assertThat(stream.events()).extracting(SseClient.Event::event).containsExactly("snapshot", "error");
        }
    }

    @Test
    void techniciansAcknowledgeAlertsOfTheirAreasAndStaffThereReadThem() {
        long alertS1 = controller.alerts().open(new vn.loa.controller.health.Condition("s1",
                vn.loa.controller.health.Rule.DEAD_AIR, "test"), java.time.Instant.now()).id();
        long alertS3 = controller.alerts().open(new vn.loa.controller.health.Condition("s3",
                vn.loa.controller.health.Rule.DEAD_AIR, "test"), java.time.Instant.now()).id();
        expect("list the alerts of C1", api -> api.get("/api/v1/alerts?station=s1"),
                "admin", "scheduler", "technician", "operator");
        expect("list the alerts of C3", api -> api.get("/api/v1/alerts?station=s3"), "admin", "operator3");
        expect("see an alert of C1", api -> api.get("/api/v1/alerts/" + alertS1),
                "admin", "scheduler", "technician", "operator");
        expect("acknowledge an alert of C1", api -> api.post("/api/v1/alerts/" + alertS1 + "/acknowledge", "{}"),
                "admin", "technician");
        expect("acknowledge an alert of C3", api -> api.post("/api/v1/alerts/" + alertS3 + "/acknowledge", "{}"),
                "admin");
        expect("read the faults report of D1", api -> api.get("/api/v1/reports/faults?area=" + d1),
                "admin", "scheduler", "technician");
        expect("export the faults report of C3", api -> api.get("/api/v1/reports/faults?area=" + c3 + "&format=csv"),
                "admin", "operator3");

        assertThat(as.get("technician").get("/api/v1/alerts").json().path("alerts").findValuesAsText("station"))
                .contains("s1").doesNotContain("s3");
    }

    @Test
    void everyUserSeesTheAreaTreeAndThemselves() {
        expect("see the areas", api -> api.get("/api/v1/areas"), USERS.toArray(String[]::new));
        expect("see who they are", api -> api.get("/api/v1/auth/me"), USERS.toArray(String[]::new));
        expect("read the console's settings", api -> api.get("/api/v1/console/settings"),
                USERS.toArray(String[]::new));
        expect("open the console's live events (filtered by area)", api -> stream(api, "/api/v1/events"),
                USERS.toArray(String[]::new));
    }

    private void expect(String action, Function<ApiClient, ApiClient.Answer> request, String... allowed) {
        expect(action, request, 0, allowed);
    }

    /** Each user tries the action: the allowed ones get a 2xx (or {@code allowedStatus}), every other a 403. */
    private void expect(String action, Function<ApiClient, ApiClient.Answer> request, int allowedStatus,
                        String... allowed) {
        Set<String> may = Set.of(allowed);
        List<String> wrong = new ArrayList<>();
        for (String user : USERS) {
            ApiClient.Answer answer = request.apply(as.get(user));
            boolean ok = may.contains(user)
                    ? (allowedStatus == 0 ? answer.status() / 100 == 2 : answer.status() == allowedStatus)
                    : answer.status() == 403 && "forbidden".equals(answer.error()) && answer.message() != null;
            if (!ok) {
                wrong.add(user + " got " + answer.status() + " " + answer.text());
            }
        }
        assertThat(wrong).as("who may " + action + " (only " + may + ")").isEmpty();
    }

    private ApiClient.Answer stream(ApiClient api, String path) {
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(api.builder(path)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String text = response.statusCode() == 200 ? "" : new String(body.readAllBytes());
                return new ApiClient.Answer(response.statusCode(), text,
                        text.isEmpty() ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(text), null);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ApiClient.Answer upload(ApiClient api, long area) {
        // D2's audio differs from D1's: fetching by content must not find a D1 copy of it
        return BulletinUploads.upload(api, TestAudio.wav(area == d2 ? 1.7 : 1.0), "tin.wav", Map.of("title", "Tin xã", "class", "normal",
                "language", "vi", "areaId", Long.toString(area)));
    }

    private static ApiClient.Answer put(ApiClient api, String path, String json) {
        return api.send(api.builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private ApiClient.Answer quietHours(ApiClient api, long area) {
        return api.send(api.builder("/api/v1/areas/" + area + "/quiet-hours").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"from\":\"22:00\",\"to\":\"05:00\"}")));
    }

    private String draft(long area) {
        ApiClient.Answer uploaded = upload(as.get("admin"), area);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return uploaded.json().path("id").asText();
    }

    private String approved(ApiClient admin, long area) {
        String id = draft(area);
        ApiClient.Answer approved = admin.post("/api/v1/bulletins/" + id + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    private String freshStation(long area) {
        ApiClient.Answer created = as.get("admin").post("/api/v1/stations", "{\"areaId\":" + area
                + ",\"name\":\"Cụm tạm\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static String schedule(ApiClient admin, String bulletin, String station) {
        ApiClient.Answer created = admin.post("/api/v1/schedules", scheduleJson(bulletin, station));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static String scheduleJson(String bulletin, String station) {
        String start = java.time.LocalDateTime.of(2030, 1, 1, 6, 0).plusMinutes(10L * SCHEDULED.incrementAndGet())
                .toString();
        return "{\"bulletinId\":\"" + bulletin + "\",\"start\":\"" + start + "\",\"targets\":{\"stations\":[\""
                + station + "\"]}}";
    }

    private static String emergency(ApiClient admin, String station) {
        ApiClient.Answer created = admin.post("/api/v1/emergencies", emergencyJson(station));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static String emergencyJson(String station) {
        return "{\"targets\":{\"stations\":[\"" + station + "\"]},\"standardMessage\":\"siren\",\"repeat\":1,"
                + "\"validMinutes\":5}";
    }

    private static void station(ApiClient admin, String id, long area) {
        ApiClient.Answer created = admin.post("/api/v1/stations", "{\"id\":\"" + id + "\",\"areaId\":" + area
                + ",\"name\":\"Cụm " + id + "\",\"zones\":[{\"channel\":1,\"name\":\"Loa 1\"}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private void user(ApiClient admin, String username, String role, long area) {
        ApiClient.Answer created = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\""
                + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[{\"role\":\"" + role + "\",\"areaId\":"
                + area + "}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        as.put(username, new ApiClient(controller.httpPort()).login(username, PASSWORD));
    }

    private static String area(String name, String code, String level, long parent) {
        return "{\"name\":\"" + name + "\",\"code\":\"" + code + "\",\"level\":\"" + level + "\",\"parentId\":"
                + parent + "}";
    }

    private static List<String> stationsOf(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return StreamSupport.stream(answer.json().path("stations").spliterator(), false)
                .map(node -> node.path("station").asText()).toList();
    }

    private static List<String> ids(ApiClient.Answer answer, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return StreamSupport.stream(answer.json().path(field).spliterator(), false)
                .map(node -> node.path("id").asText()).toList();
    }
}
