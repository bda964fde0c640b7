package vn.loa.controller.testutil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import vn.loa.agent.StationAgent;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.controller.Controller;

/** Real station agents for the controller's integration tests, logged in with their station's credentials. */
public final class TestAgents {
    /** Loudspeakers warm up and hold for a second: broadcasts in tests stay short. */
    public static final PlayoutSettings QUICK_PLAYOUT = PlayoutSettings.defaults().withWarmUp(Duration.ofSeconds(1))
            .withHold(Duration.ofSeconds(1));

    private TestAgents() {
    }

    /**
     * An agent's settings for {@code station} against the controller (its HTTP for audio) through
     * {@code brokerUri}: heartbeats every second, keepalive 5 s, reconnects from 200 ms.
     */
    public static AgentConfig config(Controller controller, String brokerUri, String station, Path dataDir) {
        return AgentConfig.of(station, brokerUri, dataDir).withHeartbeatSeconds(1).withKeepAliveSeconds(5)
                .withReconnect(200, 2).withControllerUrl("http://127.0.0.1:" + controller.httpPort());
    }

    /** As {@link #config(Controller, String, String, Path)}, through the controller's embedded broker. */
    public static AgentConfig config(Controller controller, String station, Path dataDir) {
        return config(controller, "tcp://127.0.0.1:" + controller.embeddedBrokerPort().orElseThrow(), station, dataDir);
    }

    /** Starts the agent with freshly issued credentials of its station. */
    public static StationAgent start(ApiClient api, AgentConfig config) {
        return StationAgent.start(StationLogins.loggedIn(api, config), Clock.systemUTC());
    }

    /** A quick-playout agent through the embedded broker, its data in {@code dir/agent-<station>}. */
    public static StationAgent start(Controller controller, ApiClient api, Path dir, String station) {
        return start(api, config(controller, station, dir.resolve("agent-" + station)).withPlayout(QUICK_PLAYOUT));
    }
}
