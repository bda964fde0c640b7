package vn.loa.agent.playout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.loa.agent.config.AfterReboot;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.store.PlayoutRecord;
import vn.loa.protocol.PlannedBroadcast;

/**
 * A broadcast whose audio had begun before the agent restarted, to be continued
 * ({@code afterReboot: resume}): by seeking to where it would be now ({@code seek}), or, with a
 * player that cannot seek, by playing it again from the beginning.
 */
record Resume(PlayoutRecord record, boolean seek) {
    Resume {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(record.actualStart(), "record.actualStart");
    }

    /**
     * Whether a broadcast cut by a restart is continued: only with {@code afterReboot: resume}, while
     * it is still in the plan, and then if the player can seek, while some of its audio remains;
     * if not, while playing it again from the beginning is within the late tolerance.
     */
    static Optional<Resume> after(PlayoutRecord record, PlannedBroadcast broadcast, PlayoutSettings settings,
                                  boolean canSeek, Instant now) {
        if (settings.afterReboot() != AfterReboot.RESUME || broadcast == null || record.actualStart() == null) {
            return Optional.empty();
        }
        Instant audioEnd = record.actualStart().plusMillis(broadcast.durationMillis());
        boolean worthIt = canSeek ? now.isBefore(audioEnd)
                : !now.isAfter(broadcast.start().plus(settings.lateTolerance()));
        return worthIt ? Optional.of(new Resume(record, canSeek)) : Optional.empty();
    }
}
