package vn.loa.controller.emergency;

import java.time.Duration;
import java.time.Instant;

/**
 * When a station's part of an announcement is over without its word: never reached before the
 * validity ended (missed), never confirmed a short while after a stop (missed), or no final report
 * long after the announcement should have ended (unconfirmed).
 */
final class Deadlines {
    /** After a stop, how long a station that never confirmed the announcement may still report on it. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private Deadlines() {
    }

    /** The station's progress once the deadlines passed by {@code now} are applied; the same when none did. */
    static StationProgress apply(Announcement a, StationProgress progress, Instant now, Duration confirmGrace) {
        // a station sent the announcement may still be confirming it: a grace, as after a stop
        Instant reachBy = progress.stage() == StationStage.SENT ? a.validUntil().plus(STOP_GRACE) : a.validUntil();
        if (progress.stage().awaitsStation() && now.isAfter(reachBy)) {
            return progress.decided(StationStage.MISSED, "not reached before the announcement's validity ended at "
                    + a.validUntil(), now);
        }
        if (progress.stage().awaitsStation() && a.stoppedAt() != null && now.isAfter(a.stoppedAt().plus(STOP_GRACE))) {
            return progress.decided(StationStage.MISSED, "stopped before the station confirmed it", now);
        }
        Instant confirmBy = a.validUntil().plus(a.totalDuration()).plus(Duration.ofMillis(a.warmUpMillis()))
                .plus(confirmGrace);
        if (!progress.stage().isFinal() && now.isAfter(confirmBy)) {
            return progress.decided(StationStage.UNCONFIRMED, "no final report from the station", now);
        }
        return progress;
    }
}
