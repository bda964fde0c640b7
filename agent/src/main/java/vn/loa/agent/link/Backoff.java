package vn.loa.agent.link;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter, so a fleet of stations does not reconnect in lockstep
 * after a broker restart. Retry {@code n} (0 for the first) waits a random time in
 * {@code [max(min, base/2), base]} where {@code base = min(max, min * 2^n)}: never less than
 * {@code min}, never more than {@code max}, and still spread out once capped.
 */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    public Backoff(Duration min, Duration max) {
        this(min, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random} returns values in [0, 1). */
    public Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.minMillis = Objects.requireNonNull(min, "min").toMillis();
        this.maxMillis = Objects.requireNonNull(max, "max").toMillis();
        this.random = Objects.requireNonNull(random, "random");
        if (minMillis <= 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
    }

    public Duration delay(int retry) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must not be negative, got " + retry);
        }
        long base = retry >= 62 || minMillis > (maxMillis >> Math.min(retry, 62)) ? maxMillis : minMillis << retry;
        base = Math.min(base, maxMillis);
        long floor = Math.max(minMillis, base / 2);
        double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(floor + Math.round((base - floor) * r));
    }
}
