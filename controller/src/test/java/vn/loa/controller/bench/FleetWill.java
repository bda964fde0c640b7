package vn.loa.controller.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.Objects;

/** A last will: what the broker publishes for a client whose connection drops without a DISCONNECT. */
public record FleetWill(String topic, byte[] payload, MqttQoS qos, boolean retain) {
    public FleetWill {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
    }
}
