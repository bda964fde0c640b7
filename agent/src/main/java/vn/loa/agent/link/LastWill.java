package vn.loa.agent.link;

import java.util.Objects;

/** The message the broker publishes for us if our link dies without a clean disconnect. */
public record LastWill(String topic, byte[] payload, int qos, boolean retained) {
    public LastWill {
        Objects.requireNonNull(topic, "topic");
        payload = Objects.requireNonNull(payload, "payload").clone();
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, got " + qos);
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
