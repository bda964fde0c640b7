package vn.loa.agent.store;

import java.time.Instant;
import java.util.Objects;
import vn.loa.protocol.Emergency;

/** An emergency announcement the station holds, and when it arrived. */
public record HeldEmergency(Emergency emergency, Instant receivedAt) {
    public HeldEmergency {
        Objects.requireNonNull(emergency, "emergency");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
