package vn.loa.agent.testutil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;

/** A plain MQTT client that subscribes to a filter and records what it receives, decoded. */
public final class BrokerObserver implements AutoCloseable {
    private static final MessageCodec CODEC = new MessageCodec();

    /** One received message. */
    public record Received(String topic, Message message, boolean retained) {
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    public BrokerObserver(String uri, String filter) {
        try {
            client = new MqttClient(uri, "observer-" + System.nanoTime(), new MemoryPersistence());
            client.setTimeToWait(5000);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            client.connect(options);
            client.subscribe(new String[] {filter}, new int[] {1}, new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
                (topic, message) -> {
                    Decoded<Message> decoded = CODEC.decode(message.getPayload());
                    if (decoded instanceof Decoded.Ok<Message> ok) {
                        synchronized (received) {
                            received.add(new Received(topic, ok.message(), message.isRetained()));
                        }
                    }
                }
            });
        } catch (MqttException e) {
            throw new IllegalStateException("observer cannot connect to " + uri + ": " + e, e);
        }
    }

    public List<Received> received(Predicate<Message> which) {
        synchronized (received) {
            return received.stream().filter(r -> which.test(r.message())).toList();
        }
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
