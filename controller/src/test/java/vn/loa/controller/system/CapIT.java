package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestControllers;

/**
 * OASIS CAP 1.2 alerts become emergency announcements: for the commune whose area code the alert
 * names and the stations inside its polygon; a copy does not trigger twice; a Cancel stops it;
 * a malformed alert is refused naming the problem.
 */
class CapIT {
    private static final String ALERT_SENT = "2026-09-12T05:30:00+07:00";
    private static final String ALERT_EXPIRES = "2026-09-12T17:30:00+07:00";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    @TempDir
    Path dir;
    private Controller controller;
    private ApiClient api;
    private String sent;
    private String expires;

    @BeforeEach
    void start() {
        controller = TestControllers.embedded(dir.resolve("controller"));
        api = TestControllers.admin(controller);
        long district = DemoRegistry.create(api, "{\"name\":\"Huyện Bảo Thắng\",\"code\":\"085\",\"level\":\"district\"}");
        long commune = DemoRegistry.create(api, "{\"name\":\"Xã Tân Lập\",\"code\":\"25252\",\"level\":\"commune\","
                + "\"parentId\":" + district + "}");
        long neighbour = DemoRegistry.create(api, "{\"name\":\"Xã Bên Cạnh\",\"code\":\"25255\",\"level\":\"commune\","
                + "\"parentId\":" + district + "}");
        station("tan-lap-01", commune, null);
        station("tan-lap-02", commune, null);
        station("ben-canh-01", neighbour, "\"latitude\":22.25,\"longitude\":104.14,");
        station("ben-canh-02", neighbour, "\"latitude\":22.40,\"longitude\":104.40,");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        sent = now.minusMinutes(1).format(CAP_TIME);
        expires = now.plusHours(2).format(CAP_TIME);
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private void station(String id, long area, String coordinates) {
        ApiClient.Answer created = api.post("/api/v1/stations", "{\"id\":\"" + id + "\",\"areaId\":" + area + ","
                + (coordinates == null ? "" : coordinates) + "\"name\":\"Cụm " + id + "\","
                + "\"zones\":[{\"channel\":1,\"name\":\"Loa 1\"}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private String sample(String name) {
        try (InputStream in = CapIT.class.getResourceAsStream("/cap/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(ALERT_SENT, sent)
                    .replace(ALERT_EXPIRES, expires);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiClient.Answer postCap(String xml) {
        return api.send(api.builder("/api/v1/cap").header("Content-Type", "application/cap+xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)));
    }

    @Test
    void aFloodAlertBecomesAnEmergencyForTheCommuneAndThePolygonAndACopyDoesNotTriggerTwice() {
        ApiClient.Answer first = postCap(sample("flood-alert.xml"));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().path("action").asText()).isEqualTo("trigger");
        String id = first.json().path("emergencyId").asText();
        JsonNode emergency = api.get("/api/v1/emergencies/" + id).json();
        List<String> stations = new ArrayList<>();
        emergency.path("stations").forEach(row -> stations.add(row.path("station").asText()));
        assertThat(stations).containsExactlyInAnyOrder("tan-lap-01", "tan-lap-02", "ben-canh-01");
        assertThat(emergency.path("origin").asText()).isEqualTo("cap");
        assertThat(emergency.path("riskLevel").asInt()).isEqualTo(2);
        assertThat(emergency.path("title").asText()).isEqualTo("Cảnh báo lũ quét");
        assertThat(emergency.path("audio").asText()).as("no flood recording yet: the siren")
                .isEqualTo("standard:siren");

        ApiClient.Answer copy = postCap(sample("flood-alert.xml"));

        assertThat(copy.status()).as(copy.text()).isEqualTo(200);
        assertThat(copy.json().path("duplicate").asBoolean()).isTrue();
        assertThat(copy.json().path("emergencyId").asText()).isEqualTo(id);
        assertThat(api.get("/api/v1/emergencies").json().path("emergencies").size()).isEqualTo(1);

        ApiClient.Answer cancel = postCap(sample("flood-cancel.xml"));

        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        assertThat(cancel.json().path("stopped").toString()).contains(id);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "stopped".equals(api.get("/api/v1/emergencies/" + id).json().path("state").asText()));
        assertThat(api.get("/api/v1/audit?action=cap").json().path("entries").size()).isEqualTo(2);
    }

    @Test
    void malformedOrForeignAlertsAreRefusedNamingTheProblem() {
        ApiClient.Answer truncated = postCap(sample("flood-alert.xml").substring(0, 400));
        ApiClient.Answer wrongVersion = postCap(sample("flood-alert.xml").replace("cap:1.2", "cap:1.1"));
        ApiClient.Answer noIdentifier = postCap(sample("flood-alert.xml")
                .replace("<identifier>LCI-PCTT-2026-0912-001</identifier>", ""));
        ApiClient.Answer json = api.post("/api/v1/cap", "{}");

        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.error()).isEqualTo("invalid_cap");
        assertThat(truncated.message()).contains("not well-formed");
        assertThat(wrongVersion.status()).isEqualTo(400);
        assertThat(wrongVersion.message()).contains("CAP 1.2");
        assertThat(noIdentifier.status()).isEqualTo(400);
        assertThat(noIdentifier.message()).contains("identifier");
        assertThat(json.status()).isEqualTo(415);
        assertThat(api.get("/api/v1/emergencies").json().path("emergencies").size()).isZero();
    }
}
