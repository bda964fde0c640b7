package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.agent.config.AgentConfig;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BlackholeProxy;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestControllers;

/**
 * The foundation scenario, run against each broker: three real agents come online, uptime grows,
 * a link that dies silently turns its station offline through the last will within 1.5 × the
 * keepalive, and the station returns when its agent reconnects.
 */
abstract class StationPresenceScenario {
    static final int KEEPALIVE_SECONDS = 2;

    @TempDir
    Path dir;

    private Controller controller;
    private BlackholeProxy proxy;
    private final List<StationAgent> agents = new ArrayList<>();

    /** Starts the broker under test (if external) and a controller on it. */
    abstract Controller startController(Path dataDir) throws Exception;

    /** The port agents connect to. */
    abstract int brokerPort(Controller controller);

    abstract void stopBroker() throws Exception;

    /**
     * How soon after the link dies the station must show offline: the broker's 1.5 × keepalive,
     * plus what the broker adds, plus 1 s for the controller and the test's polling.
     */
    abstract Duration offlineBound();

    @AfterEach
    void stop() throws Exception {
        agents.forEach(StationAgent::close);
        if (proxy != null) {
            proxy.close();
        }
        if (controller != null) {
            controller.close();
        }
        stopBroker();
    }

    @Test
    void stationsComeOnlineGoOfflineThroughTheirLastWillAndReturn() throws Exception {
        controller = startController(dir.resolve("controller"));
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, "st-a", "st-b", "st-c");
        String direct = "tcp://127.0.0.1:" + brokerPort(controller);
        proxy = BlackholeProxy.start(brokerPort(controller));
        agents.add(agent(api, "st-a", direct));
        agents.add(agent(api, "st-b", direct));
        agents.add(agent(api, "st-c", proxy.uri()));

        await("three stations online, their births received").atMost(Duration.ofSeconds(20)).until(() ->
                List.of("st-a", "st-b", "st-c").stream().allMatch(id -> "online".equals(station(api, id).path("status")
                        .asText()) && !station(api, id).path("agentVersion").asText().isEmpty()));
        JsonNode first = station(api, "st-a");
        assertThat(first.path("agentVersion").asText()).isNotBlank();
        assertThat(first.path("lastSeen").asText()).isNotBlank();
        assertThat(first.path("reportedZones").size()).isEqualTo(1);
        await("uptime reported").atMost(Duration.ofSeconds(10)).until(() ->
                station(api, "st-a").path("uptimeSeconds").isNumber());
        long uptime = station(api, "st-a").path("uptimeSeconds").asLong();
        await("uptime grows").atMost(Duration.ofSeconds(10)).until(() ->
                station(api, "st-a").path("uptimeSeconds").asLong() > uptime);

        long blackholedAt = System.nanoTime();
        proxy.cut();
        await("st-c offline through its last will").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "offline".equals(station(api, "st-c").path("status").asText()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - blackholedAt);
        JsonNode offline = station(api, "st-c");
        assertThat(offline.path("statusCause").asText()).contains("last will");
        assertThat(elapsed).as("offline after %s ms", elapsed.toMillis())
                .isLessThanOrEqualTo(offlineBound());
        assertThat(station(api, "st-a").path("status").asText()).isEqualTo("online");
        assertThat(station(api, "st-b").path("status").asText()).isEqualTo("online");

        proxy.restore();
        await("st-c back online after its agent reconnects").atMost(Duration.ofSeconds(30))
                .until(() -> "online".equals(station(api, "st-c").path("status").asText()));
    }

    private StationAgent agent(ApiClient api, String id, String brokerUri) {
        return StationAgent.start(StationLogins.loggedIn(api, AgentConfig.of(id, brokerUri, dir.resolve("agent-" + id))
                .withHeartbeatSeconds(1).withKeepAliveSeconds(KEEPALIVE_SECONDS)), Clock.systemUTC());
    }

    static JsonNode station(ApiClient api, String id) {
        ApiClient.Answer answer = api.get("/api/v1/stations/" + id);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }
}
