package vn.loa.controller.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.concurrent.CompletableFuture;
import vn.loa.agent.link.BrokerLink;
import vn.loa.agent.link.LastWill;
import vn.loa.agent.link.LinkException;
import vn.loa.agent.link.LinkListener;

/**
 * The agent's {@link BrokerLink} over a fleet station's client, for the real agent parts that
 * publish (the receipt outbox). Connecting and subscribing are the {@link FleetStation}'s own
 * business, so those two are not offered here.
 */
final class FleetBrokerLink implements BrokerLink {
    private volatile FleetMqttClient client;

    void attach(FleetMqttClient connected) {
        this.client = connected;
    }

    @Override
    public void connect(LastWill will, LinkListener listener) throws LinkException {
        throw new UnsupportedOperationException("a fleet station connects by itself");
    }

    @Override
    public void subscribe(String filter, int qos) throws LinkException {
        throw new UnsupportedOperationException("a fleet station subscribes by itself");
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        FleetMqttClient current = client;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        return current.publish(topic, payload, qos == 0 ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE, retained);
    }

    @Override
    public boolean isConnected() {
        FleetMqttClient current = client;
        return current != null && current.isConnected();
    }

    @Override
    public void close() {
        FleetMqttClient current = client;
        if (current != null) {
            current.close();
        }
    }
}
