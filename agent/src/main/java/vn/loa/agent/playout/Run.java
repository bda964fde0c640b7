package vn.loa.agent.playout;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.loa.protocol.PlannedBroadcast;

/**
 * The broadcast whose audio is playing: when it began (this time), on which zones, from which
 * offset, and when it should end. {@code resume} is set when it continues a broadcast begun
 * before a restart. An emergency announcement plays its file {@code playLength} long,
 * {@code playsLeft} more times including the one playing; anything else plays once.
 */
record Run(PlannedBroadcast broadcast, Instant actualStart, List<Integer> zonesOn, Duration offset, Resume resume,
           Path file, Duration playLength, int playsLeft) {
    Run {
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(actualStart, "actualStart");
        zonesOn = List.copyOf(zonesOn);
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(playLength, "playLength");
    }

    String id() {
        return broadcast.broadcastId();
    }

    Instant expectedEnd() {
        return actualStart.plusMillis(broadcast.durationMillis()).minus(offset);
    }

    /** The same broadcast, its next repetition playing. */
    Run nextPlay() {
        return new Run(broadcast, actualStart, zonesOn, offset, resume, file, playLength, playsLeft - 1);
    }

    /** The start the receipts report: the first one, for a broadcast resumed by seeking. */
    Instant reportedStart() {
        return resume != null && resume.seek() ? resume.record().actualStart() : actualStart;
    }
}
