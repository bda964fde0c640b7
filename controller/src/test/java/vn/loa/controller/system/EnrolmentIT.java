package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.agent.config.AgentConfig;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestControllers;

/** A station enrolled with a one-time token: the agent exchanges it once and keeps what it got. */
class EnrolmentIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Controller controller;
    private StationAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        controller.close();
    }

    @Test
    void anAgentWithOnlyATokenEnrolsOnceComesOnlineAndKeepsItsCredentials() throws Exception {
        controller = TestControllers.embedded(dir.resolve("controller"));
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, "st-e", "st-f");
        ApiClient.Answer created = api.post("/api/v1/stations/st-e/enrolment", "");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String token = created.json().path("token").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(22);
        assertThat(Instant.parse(created.json().path("expiresAt").asText())).isAfter(Instant.now().plusSeconds(3600));
        AgentConfig config = AgentConfig.of("st-e", "tcp://127.0.0.1:" + controller.embeddedBrokerPort().orElseThrow(),
                dir.resolve("agent-st-e")).withHeartbeatSeconds(1)
                .withControllerUrl("http://127.0.0.1:" + controller.httpPort()).withEnrolmentToken(token);

        agent = StationAgent.start(config, Clock.systemUTC());
        await("st-e online with the credentials it enrolled for").atMost(WAIT).until(() -> online(api, "st-e"));

        Path kept = dir.resolve("agent-st-e").resolve("mqtt-credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        assertThat(api.post("/api/v1/enrol", "{\"station\":\"st-e\",\"token\":\"" + token + "\"}").status())
                .as("a token works once").isEqualTo(401);
        assertThat(api.get("/api/v1/audit").json().path("entries").findValuesAsText("action"))
                .contains("station.enrolment.create", "station.credentials.rotate");

        agent.close();
        await("st-e offline").atMost(WAIT).until(() -> !online(api, "st-e"));
        agent = StationAgent.start(config, Clock.systemUTC());
        await("st-e back online with the kept credentials").atMost(WAIT).until(() -> online(api, "st-e"));
    }

    @Test
    void aTokenIsForItsOwnStationOnly() {
        controller = TestControllers.embedded(dir.resolve("controller"));
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, "st-e", "st-f");
        String token = api.post("/api/v1/stations/st-e/enrolment", "").json().path("token").asText();

        assertThat(api.post("/api/v1/enrol", "{\"station\":\"st-f\",\"token\":\"" + token + "\"}").status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/enrol", "{\"station\":\"Bad/Id\",\"token\":\"" + token + "\"}").status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/stations/st-nobody/enrolment", "").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/stations/st-e").status()).isEqualTo(204);
        assertThat(api.post("/api/v1/enrol", "{\"station\":\"st-e\",\"token\":\"" + token + "\"}").status())
                .as("a retired station's token is gone").isEqualTo(401);
    }

    private static boolean online(ApiClient api, String station) {
        return "online".equals(api.get("/api/v1/stations/" + station).json().path("status").asText());
    }
}
