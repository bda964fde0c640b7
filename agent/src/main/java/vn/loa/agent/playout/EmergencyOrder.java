package vn.loa.agent.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.PlannedBroadcast;

/**
 * An emergency announcement this station is to play: the message, when it arrived, and the
 * broadcast it becomes here (start = arrival + warm-up, every repetition, the station's zones).
 * {@code zonesOnReported}: the {@code zones-on} progress went out.
 */
final class EmergencyOrder {
    private final Emergency emergency;
    private final Instant receivedAt;
    private final PlannedBroadcast broadcast;
    private boolean zonesOnReported;

    EmergencyOrder(Emergency emergency, Instant receivedAt, PlannedBroadcast broadcast) {
        this.emergency = Objects.requireNonNull(emergency, "emergency");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
    }

    Emergency emergency() {
        return emergency;
    }

    String emergencyId() {
        return emergency.emergencyId();
    }

    Instant receivedAt() {
        return receivedAt;
    }

    PlannedBroadcast broadcast() {
        return broadcast;
    }

    Duration warmUp() {
        return Duration.ofMillis(emergency.warmUpMillis());
    }

    Duration playLength() {
        return Duration.ofMillis(emergency.durationMillis());
    }

    int plays() {
        return emergency.repeat();
    }

    Candidate candidate() {
        return new Candidate(broadcast, broadcast.start(), emergency.validUntil(), null, warmUp(), true);
    }

    boolean zonesOnReported() {
        return zonesOnReported;
    }

    void markZonesOnReported() {
        zonesOnReported = true;
    }
}
