package vn.loa.controller.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.controller.mqtt.EmbeddedBroker;
import vn.loa.protocol.Topics;

/** The fleet's event-loop MQTT client against the real embedded Moquette. */
class FleetMqttClientIT {
    /** These clients test the MQTT client, not the broker's policy: they log in as the controller. */
    private static final FleetLogins LOGINS = FleetLogins.generated(List.of("s-1"));
    private EmbeddedBroker broker;
    private EventLoopGroup group;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        broker = EmbeddedBroker.start("127.0.0.1", 0, 1024, 1024 * 1024, LOGINS.access(Topics.withDefaultRoot()));
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        address = new InetSocketAddress("127.0.0.1", broker.port());
    }

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        broker.close();
    }

    @Test
    void deliversAQosOneMessageAndCompletesThePublishOnItsPuback() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        FleetMqttClient subscriber = connect(FleetClientOptions.of("sub-1"),
                (topic, payload, nanos) -> received.add(topic + " " + new String(payload, StandardCharsets.UTF_8)));
        subscriber.subscribe("loa/v1/emergencies").get(5, TimeUnit.SECONDS);
        FleetMqttClient publisher = connect(FleetClientOptions.of("pub-1"), (topic, payload, nanos) -> { });

        publisher.publish("loa/v1/emergencies", "siren".getBytes(StandardCharsets.UTF_8), MqttQoS.AT_LEAST_ONCE, false)
                .get(5, TimeUnit.SECONDS);

        org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 1);
        assertThat(received).containsExactly("loa/v1/emergencies siren");
        publisher.close();
        subscriber.close();
        assertThat(subscriber.closed()).isDone();
    }

    @Test
    void retainedMessageReachesALaterSubscriberAndTheWillFiresOnADroppedConnection() throws Exception {
        FleetWill will = new FleetWill("loa/v1/stations/s-1/status", "offline".getBytes(StandardCharsets.UTF_8),
                MqttQoS.AT_LEAST_ONCE, true);
        // a station's will: the broker refuses any other than its own status
        FleetMqttClient station = FleetMqttClient.connect(group, address, FleetClientOptions.of("s-1").withWill(will)
                .withKeepAlive(5).withCredentials("s-1", LOGINS.passwordOf("s-1")), (topic, payload, nanos) -> { })
                .get(10, TimeUnit.SECONDS);
        station.publish("loa/v1/stations/s-1/status", "online".getBytes(StandardCharsets.UTF_8), MqttQoS.AT_LEAST_ONCE,
                true).get(5, TimeUnit.SECONDS);
        List<String> seen = new CopyOnWriteArrayList<>();
        FleetMqttClient watcher = connect(FleetClientOptions.of("watcher"),
                (topic, payload, nanos) -> seen.add(new String(payload, StandardCharsets.UTF_8)));
        watcher.subscribe("loa/v1/stations/+/status").get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> seen.contains("online"));

        station.dropConnection().get(5, TimeUnit.SECONDS);

        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> seen.contains("offline"));
        watcher.close();
    }

    @Test
    void operationsOnAClosedClientFail() throws Exception {
        FleetMqttClient client = connect(FleetClientOptions.of("closing"), (topic, payload, nanos) -> { });
        client.close();

        assertThatThrownBy(() -> client.publish("t", new byte[0], MqttQoS.AT_LEAST_ONCE, false).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    private FleetMqttClient connect(FleetClientOptions options, FleetMessageHandler handler) throws Exception {
        return FleetMqttClient.connect(group, address, LOGINS.asController(options), handler).get(10, TimeUnit.SECONDS);
    }
}
