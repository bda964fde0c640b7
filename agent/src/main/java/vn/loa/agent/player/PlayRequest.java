package vn.loa.agent.player;

import java.time.Duration;
import java.util.Objects;

/**
 * One bulletin to play. {@code broadcastId} and {@code title} may be null. The audio file joins
 * this record with the playout issue; the simulated player only needs the duration.
 */
public record PlayRequest(String broadcastId, String bulletinId, String title, Duration duration) {
    public PlayRequest {
        Objects.requireNonNull(bulletinId, "bulletinId");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
    }
}
