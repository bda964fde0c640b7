package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.AudioSettings;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.config.RelayDriver;
import vn.loa.agent.config.RelaySettings;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestAudio;
import vn.loa.controller.testutil.TestControllers;

/**
 * Fault alerts caused by a real agent, not a stand-in publishing its events: an LCUS relay board
 * whose serial port is missing (unplugged) opens {@code relay-fault}, which resolves once the port
 * appears (a socat pseudo-terminal, as in stack.md) and the agent reopens it; a scheduled bulletin
 * that is all silence, played through Java Sound and ALSA (the default device writes to /dev/null,
 * controller/pom.xml), opens {@code dead-air}.
 */
class RealStationFaultAlertsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Controller controller;
    private StationAgent agent;
    private Process socat;

    @BeforeAll
    static void alsaGoesToAFile() {
        String config = System.getenv("ALSA_CONFIG_PATH");
        if (config == null || !Files.exists(Path.of(config))) {
            fail("ALSA_CONFIG_PATH is " + config + ": run this test through 'mvn verify' (controller/pom.xml sets it"
                    + " for failsafe to src/test/resources/alsa/asound.conf)");
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (socat != null) {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (controller != null) {
            controller.close();
        }
    }

    private ApiClient start(String stationId) {
        ControllerConfig.Health health = new ControllerConfig.Health(0, 2000, 5, 0, 150.0, 10, 60, 10, List.of());
        controller = Controller.start(ControllerConfig.ephemeral(dir.resolve("controller")).withHealth(health),
                Clock.systemUTC(), TestControllers.ADMIN_PASSWORD);
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, stationId);
        return api;
    }

    private AgentConfig agentConfig(ApiClient api, String stationId) {
        return StationLogins.loggedIn(api, AgentConfig.of(stationId,
                        "tcp://127.0.0.1:" + controller.embeddedBrokerPort().orElseThrow(), dir.resolve("agent"))
                .withHeartbeatSeconds(1).withKeepAliveSeconds(5).withReconnect(200, 2)
                .withControllerUrl("http://127.0.0.1:" + controller.httpPort()));
    }

    @Test
    void anUnpluggedRelayBoardRaisesRelayFaultAndPluggingItInResolvesIt() throws Exception {
        serialLibraryOnTheClasspath();
        ApiClient api = start("st-relay");
        Path port = dir.resolve("ttyA");
        agent = StationAgent.start(agentConfig(api, "st-relay")
                .withRelay(new RelaySettings(RelayDriver.LCUS, port, 9600, 1, Map.of(), Duration.ofMillis(500))),
                Clock.systemUTC());

        await("relay-fault alert").atMost(WAIT).until(() ->
                HealthAlertsIT.alert(api, "st-relay", "relay-fault", "open").isPresent());
        assertThat(HealthAlertsIT.alert(api, "st-relay", "relay-fault", "open").orElseThrow().path("detail").asText())
                .contains(port.toString());

        plugIn(port);
        await("relay-fault resolved").atMost(Duration.ofSeconds(90)).until(() ->
                HealthAlertsIT.alert(api, "st-relay", "relay-fault", "resolved").isPresent());
        assertThat(HealthAlertsIT.alert(api, "st-relay", "relay-fault", "open")).isEmpty();
    }

    @Test
    void aSilentBulletinPlayedThroughAlsaRaisesDeadAir() {
        ApiClient api = start("st-air");
        agent = StationAgent.start(agentConfig(api, "st-air")
                .withAudio(AudioSettings.alsa().withDeadAirSeconds(1))
                .withPlayout(PlayoutSettings.defaults().withWarmUp(Duration.ofMillis(500))
                        .withHold(Duration.ofMillis(500))), Clock.systemUTC());
        await("st-air online").atMost(WAIT).until(() ->
                "online".equals(api.get("/api/v1/stations/st-air").json().path("status").asText()));
        ApiClient.Answer uploaded = BulletinUploads.upload(api, TestAudio.silence(4), "im-lang.wav",
                Map.of("title", "Bản tin im lặng", "class", "normal", "language", "vi"));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String bulletin = uploaded.json().path("id").asText();
        ApiClient.Answer approved = api.post("/api/v1/bulletins/" + bulletin + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        schedule(api, bulletin, 6, "st-air");

        await("dead-air alert").atMost(WAIT).until(() ->
                HealthAlertsIT.alert(api, "st-air", "dead-air", "open").isPresent());
        assertThat(HealthAlertsIT.alert(api, "st-air", "dead-air", "open").orElseThrow().path("detail").asText())
                .contains("silent for");
    }

    /**
     * jSerialComm comes to the controller's tests through the agent's pom; with a stale loa-parent in
     * ~/.m2 Maven drops the agent's dependencies ("The POM for vn.loa:loa-agent is invalid") and the
     * agent's board thread dies on a NoClassDefFoundError once the port appears: say so at once.
     */
    private static void serialLibraryOnTheClasspath() {
        try {
            Class.forName("com.fazecast.jSerialComm.SerialPort");
        } catch (ClassNotFoundException e) {
            fail("jSerialComm is not on the test classpath: build from the root (mvn verify) or install the"
                    + " root pom (mvn -N install) so the agent's dependencies resolve");
        }
    }

    /** Makes a pseudo-terminal appear at {@code port}, as when the USB board is plugged in. */
    private void plugIn(Path port) throws Exception {
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + port,
                "pty,raw,echo=0,link=" + dir.resolve("ttyB"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        await("socat makes " + port).atMost(Duration.ofSeconds(10)).until(() -> Files.exists(port) || !socat.isAlive());
        assertThat(socat.isAlive()).as("socat runs; see " + dir.resolve("socat.log")).isTrue();
    }

    /** A one-off schedule this many seconds ahead (whole seconds, local time); returns its start. */
    private static Instant schedule(ApiClient api, String bulletin, int secondsAhead, String station) {
        LocalDateTime local = LocalDateTime.now(BroadcastTime.ZONE).plusSeconds(secondsAhead)
                .truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Answer created = api.post("/api/v1/schedules", "{\"bulletinId\":\"" + bulletin + "\",\"start\":\""
                + local + "\",\"targets\":{\"stations\":[\"" + station + "\"]}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return local.atZone(BroadcastTime.ZONE).toInstant();
    }
}
