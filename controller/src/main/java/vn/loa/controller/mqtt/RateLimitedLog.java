package vn.loa.controller.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a repeated problem may be logged again: at most once per interval per key
 * (a station id), so a misbehaving station cannot flood the log. Thread-safe.
 */
public final class RateLimitedLog {
    private static final int MAX_KEYS = 50_000;

    private final Clock clock;
    private final Duration interval;
    private final ConcurrentHashMap<String, Instant> lastLogged = new ConcurrentHashMap<>();

    public RateLimitedLog(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    public boolean allow(String key) {
        Instant now = clock.instant();
        if (lastLogged.size() > MAX_KEYS) {
            lastLogged.clear();
        }
        boolean[] allowed = {false};
        lastLogged.compute(key, (k, last) -> {
            if (last == null || !now.isBefore(last.plus(interval))) {
                allowed[0] = true;
                return now;
            }
            return last;
        });
        return allowed[0];
    }
}
