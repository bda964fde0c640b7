package vn.loa.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Lets a recurring log line through at most once per interval (by the injected clock) and counts
 * what it held back, so a peer sending garbage cannot flood the log. Thread-safe.
 */
public final class LogThrottle {
    private final Clock clock;
    private final Duration interval;
    private Instant lastAllowed;
    private long suppressed;

    public LogThrottle(Clock clock, Duration interval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** Whether to log now; if not, the occurrence is counted. */
    public synchronized boolean allow() {
        Instant now = clock.instant();
        if (lastAllowed == null || !now.isBefore(lastAllowed.plus(interval))) {
            lastAllowed = now;
            return true;
        }
        suppressed++;
        return false;
    }

    /** How many occurrences were held back since the last call; resets the count. */
    public synchronized long takeSuppressed() {
        long count = suppressed;
        suppressed = 0;
        return count;
    }
}
