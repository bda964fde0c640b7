package vn.loa.agent.testutil;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.loa.protocol.Channel;
import vn.loa.protocol.ControllerStatus;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Presence;
import vn.loa.protocol.StationMessage;
import vn.loa.protocol.Topics;

/**
 * A test-side MQTT client playing the controller for one station: subscribes to the station's
 * reports, events and heartbeats, records what arrives (decoded), and sends commands (QoS 1).
 */
public final class ControllerStandIn implements AutoCloseable {
    private static final MessageCodec CODEC = new MessageCodec(1024 * 1024);

    private final MqttClient client;
    private final String station;
    private final Topics topics = Topics.withDefaultRoot();
    private final List<Message> received = new ArrayList<>();

    public ControllerStandIn(String brokerUri, String station) {
        this.station = station;
        try {
            client = new MqttClient(brokerUri, "controller-stand-in-" + System.nanoTime(), new MemoryPersistence());
            client.setTimeToWait(5000);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            connect(options);
            IMqttMessageListener record = (topic, message) -> {
                Decoded<Message> decoded = CODEC.decode(message.getPayload());
                if (decoded instanceof Decoded.Ok<Message> ok) {
                    synchronized (received) {
                        received.add(ok.message());
                    }
                }
            };
            client.subscribe(new String[] {topics.station(station, Channel.REPORTS), topics.station(station, Channel.EVENTS),
                topics.station(station, Channel.HEARTBEAT)}, new int[] {1, 1, 1},
                    new IMqttMessageListener[] {record, record, record});
        } catch (MqttException e) {
            throw new IllegalStateException("the controller stand-in cannot connect to " + brokerUri + ": " + e, e);
        }
    }

    /**
     * Connects, trying again for a few seconds when the broker drops the connection before its
     * CONNACK (seen once on a loaded machine right after a test broker started).
     */
    private void connect(MqttConnectOptions options) throws MqttException {
        MqttException[] last = new MqttException[1];
        try {
            Awaitility.await("the controller stand-in connects").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        try {
                            client.connect(options);
                            return true;
                        } catch (MqttException e) {
                            last[0] = e;
                            if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST
                                    && e.getReasonCode() != MqttException.REASON_CODE_SERVER_CONNECT_ERROR) {
                                throw e;
                            }
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw last[0];
        }
    }

    /**
     * Announces itself online (retained, a new id), as the real controller does once it has
     * subscribed after each connect.
     */
    public void announceOnline() {
        try {
            client.publish(topics.controllerStatus(), CODEC.encode(new ControllerStatus(MessageIds.next(),
                    Instant.now(), Presence.ONLINE)), 1, true);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot announce the controller online: " + e, e);
        }
    }

    /** Sends a command to the station (QoS 1). */
    public void send(StationMessage command) {
        try {
            client.publish(topics.station(station, Channel.COMMANDS), CODEC.encode(command), 1, false);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot send " + command.type() + ": " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    public <T extends Message> List<T> received(Class<T> type, Predicate<T> which) {
        synchronized (received) {
            return received.stream().filter(type::isInstance).map(m -> (T) m).filter(which).toList();
        }
    }

    public <T extends Message> List<T> received(Class<T> type) {
        return received(type, m -> true);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
