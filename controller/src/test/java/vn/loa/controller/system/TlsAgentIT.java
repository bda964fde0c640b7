package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.ControllerSettings;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.controller.Controller;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestCertificates;
import vn.loa.controller.testutil.TestControllers;

/**
 * A real station over TLS only: MQTT to the embedded broker's TLS listener and bulletin audio over
 * HTTPS, both verified against the test CA ({@code mqtt.caFile}, {@code controller.caFile}).
 */
class TlsAgentIT {
    @TempDir
    Path dir;

    private Controller controller;
    private StationAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void stationWithCaFilesComesOnlineAndPlaysABulletinFetchedOverHttps() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir.resolve("tls"));
        controller = TlsIT.startTlsOnly(dir.resolve("controller"), certificates);
        HttpClient trusting = HttpClient.newBuilder().sslContext(TestCertificates.trusting(certificates.ca()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        ApiClient api = new ApiClient("https://127.0.0.1:" + controller.httpPort(), trusting)
                .login("admin", TestControllers.ADMIN_PASSWORD);
        DemoRegistry.communeWithStations(api, "st-tls");
        String bulletin = BulletinUploads.approvedWav(api, "Bản tin qua TLS", "normal", 1.5);

        AgentConfig plain = AgentConfig.of("st-tls", "ssl://127.0.0.1:" + controller.embeddedBrokerTlsPort().orElseThrow(),
                dir.resolve("agent"));
        AgentConfig loggedIn = StationLogins.loggedIn(api, plain);
        agent = StationAgent.start(loggedIn.withMqtt(loggedIn.mqtt().withCaFile(certificates.ca()))
                .withController(new ControllerSettings("https://127.0.0.1:" + controller.httpPort(), certificates.ca(), null))
                .withHeartbeatSeconds(1).withKeepAliveSeconds(5).withReconnect(200, 2)
                .withPlayout(PlayoutSettings.defaults().withWarmUp(Duration.ofSeconds(1))
                        .withHold(Duration.ofSeconds(1))), Clock.systemUTC());
        await("the station online over TLS").atMost(Duration.ofSeconds(30)).until(() ->
                "online".equals(api.get("/api/v1/stations/st-tls").json().path("status").asText()));

        Instant start = scheduleInSeconds(api, bulletin, 8);
        String window = "from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(60);
        await("the broadcast finished, its audio fetched over HTTPS").atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode rows = api.get("/api/v1/broadcasts?" + window).json().path("broadcasts");
            return rows.size() == 1 && "finished".equals(rows.get(0).path("state").asText());
        });
    }

    private static Instant scheduleInSeconds(ApiClient api, String bulletin, int secondsAhead) {
        LocalDateTime local = LocalDateTime.now(BroadcastTime.ZONE).plusSeconds(secondsAhead)
                .truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Answer created = api.post("/api/v1/schedules", "{\"bulletinId\":\"" + bulletin + "\",\"start\":\""
                + local + "\",\"targets\":{\"stations\":[\"st-tls\"]}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return local.atZone(BroadcastTime.ZONE).toInstant();
    }
}
