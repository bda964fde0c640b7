package vn.loa.agent.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.loa.protocol.PlannedBroadcast;

/**
 * The broadcast whose audio is playing: when it began (this time), on which zones, from which
 * offset, and when it should end. {@code resume} is set when it continues a broadcast begun
 * before a restart.
 */
record Run(PlannedBroadcast broadcast, Instant actualStart, List<Integer> zonesOn, Duration offset, Resume resume) {
    Run {
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(actualStart, "actualStart");
        zonesOn = List.copyOf(zonesOn);
        Objects.requireNonNull(offset, "offset");
    }

    String id() {
        return broadcast.broadcastId();
    }

    Instant expectedEnd() {
        return actualStart.plusMillis(broadcast.durationMillis()).minus(offset);
    }

    /** The start the receipts report: the first one, for a broadcast resumed by seeking. */
    Instant reportedStart() {
        return resume != null && resume.seek() ? resume.record().actualStart() : actualStart;
    }
}
