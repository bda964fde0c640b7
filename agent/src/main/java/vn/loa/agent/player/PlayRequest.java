package vn.loa.agent.player;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One bulletin to play: {@code audioFile} (verified; null only for the simulated player's own
 * tests), its whole {@code duration}, and where to begin, {@code offset} from its start (zero
 * unless a player that can seek resumes a broadcast). {@code broadcastId} and {@code title} may
 * be null.
 */
public record PlayRequest(String broadcastId, String bulletinId, String title, Path audioFile, Duration duration,
                          Duration offset) {
    public PlayRequest {
        Objects.requireNonNull(bulletinId, "bulletinId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(offset, "offset");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        if (offset.isNegative() || offset.compareTo(duration) > 0) {
            throw new IllegalArgumentException("offset must be 0.." + duration + ", got " + offset);
        }
    }

    /** A request without a file, from the beginning. */
    public PlayRequest(String broadcastId, String bulletinId, String title, Duration duration) {
        this(broadcastId, bulletinId, title, null, duration, Duration.ZERO);
    }

    /** How long playback lasts: the duration after the offset. */
    public Duration remaining() {
        return duration.minus(offset);
    }
}
