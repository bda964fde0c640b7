package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.testutil.BrokerObserver;
import vn.loa.agent.testutil.EmbeddedBroker;
import vn.loa.agent.testutil.FreezingProxy;
import vn.loa.protocol.Birth;
import vn.loa.protocol.ControllerStatus;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Presence;
import vn.loa.protocol.StationStatus;
import vn.loa.protocol.Topics;

/** The agent with its real Paho link against a real (embedded Moquette) broker. */
class StationAgentIT {
    private static final String STATION = "demo-it";
    private static final String EVERYTHING = "loa/v1/stations/" + STATION + "/#";

    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private StationAgent agent;
    private FreezingProxy proxy;
    private final List<BrokerObserver> observers = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.start(dir.resolve("broker"));
    }

    @AfterEach
    void stopEverything() {
        if (agent != null) {
            agent.close();
        }
        observers.forEach(BrokerObserver::close);
        if (proxy != null) {
            proxy.close();
        }
        broker.close();
    }

    /** As the controller's integration tests start it. */
    private StationAgent startAgent(String uri) {
        agent = StationAgent.start(AgentConfig.of(STATION, uri, dir.resolve("agent"))
                .withHeartbeatSeconds(1).withKeepAliveSeconds(2), Clock.systemUTC());
        return agent;
    }

    private BrokerObserver observe(String uri) {
        BrokerObserver observer = new BrokerObserver(uri, EVERYTHING);
        observers.add(observer);
        return observer;
    }

    private static int statuses(BrokerObserver observer, Presence state) {
        return observer.received(m -> m instanceof StationStatus s && s.state() == state).size();
    }

    @Test
    void announcesItselfAndSendsHeartbeatsThroughARealBroker() {
        BrokerObserver observer = observe(broker.uri());

        startAgent(broker.uri());

        await().atMost(Duration.ofSeconds(10)).until(() -> observer.received(m -> m instanceof Heartbeat).size() >= 2);
        assertThat(statuses(observer, Presence.ONLINE)).isEqualTo(1);
        assertThat(observer.received(m -> m instanceof Birth)).hasSize(1);
        assertThat(agent.isConnected()).isTrue();
    }

    @Test
    void answersANewControllerWithABirth() throws Exception {
        BrokerObserver observer = observe(broker.uri());
        startAgent(broker.uri());
        await().atMost(Duration.ofSeconds(10)).until(() -> observer.received(m -> m instanceof Birth).size() == 1);

        announceController(broker.uri());

        await().atMost(Duration.ofSeconds(10)).until(() -> observer.received(m -> m instanceof Birth).size() == 2);
    }

    @Test
    void reconnectsAndAnnouncesAgainAfterABrokerRestart() throws Exception {
        startAgent(broker.uri());
        await().atMost(Duration.ofSeconds(10)).until(agent::isConnected);

        broker.restart();
        BrokerObserver observer = observe(broker.uri());

        await().atMost(Duration.ofSeconds(15)).until(() -> statuses(observer, Presence.ONLINE) >= 1
                && observer.received(m -> m instanceof Heartbeat).size() >= 1);
        announceController(broker.uri());
        await().atMost(Duration.ofSeconds(10)).until(() -> observer.received(m -> m instanceof Birth).size() >= 1);
    }

    @Test
    void keepsTryingUntilTheBrokerComesUp() {
        broker.stop();
        startAgent(broker.uri());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !agent.isConnected());

        broker.restart();

        await().atMost(Duration.ofSeconds(15)).until(agent::isConnected);
    }

    @Test
    void aFrozenLinkFiresTheLastWillAndTheAgentComesBackAfterwards() {
        proxy = new FreezingProxy(broker.port());
        BrokerObserver observer = observe(broker.uri());
        startAgent(proxy.uri());
        await().atMost(Duration.ofSeconds(10)).until(() -> observer.received(m -> m instanceof Heartbeat).size() >= 1);

        proxy.freeze();

        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(observer, Presence.OFFLINE) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !agent.isConnected());

        proxy.thaw();

        await().atMost(Duration.ofSeconds(20)).until(() -> statuses(observer, Presence.ONLINE) >= 2);
        int heartbeats = observer.received(m -> m instanceof Heartbeat).size();
        await().atMost(Duration.ofSeconds(5)).until(() -> observer.received(m -> m instanceof Heartbeat).size() > heartbeats);
    }

    @Test
    void closePublishesTheRetainedOfflineStatus() {
        BrokerObserver observer = observe(broker.uri());
        startAgent(broker.uri());
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(observer, Presence.ONLINE) == 1);

        agent.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> statuses(observer, Presence.OFFLINE) == 1);
        BrokerObserver late = observe(broker.uri());
        await().atMost(Duration.ofSeconds(5)).until(() -> late.received(m -> m instanceof StationStatus s
                && s.state() == Presence.OFFLINE).size() == 1);
        assertThat(late.received(m -> true)).allMatch(BrokerObserver.Received::retained);
    }

    private static void announceController(String uri) throws Exception {
        MqttClient controller = new MqttClient(uri, "controller-" + System.nanoTime(), new MemoryPersistence());
        controller.setTimeToWait(5000);
        controller.connect();
        byte[] online = new MessageCodec().encode(new ControllerStatus(MessageIds.next(), Clock.systemUTC().instant(), Presence.ONLINE));
        controller.publish(Topics.withDefaultRoot().controllerStatus(), online, 1, true);
        controller.disconnect(1000);
        controller.close();
    }
}
