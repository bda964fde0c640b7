package vn.loa.controller.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * How a period is cut into equal time buckets for a chart: the shortest of a set of round sizes
 * that gives at most {@link #MAX_POINTS} buckets, each starting on a round local time (a 12-hour
 * bucket at 00:00 or 12:00 in the zone, an hour bucket on the hour). {@code offsetMillis}: the zone's
 * offset, so that bucket {@code n} starts at {@code n * size - offset} since the epoch.
 */
public record Buckets(Duration size, long offsetMillis) {
    /** At most this many buckets in a period (one more when the period does not start on a bucket). */
    public static final int MAX_POINTS = 300;
    private static final List<Duration> SIZES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7));

    public Buckets {
        if (size.isNegative() || size.isZero()) {
            throw new IllegalArgumentException("a bucket must be longer than zero");
        }
    }

    /** The buckets for a period (from before to) in a zone without daylight saving time (Vietnam's). */
    public static Buckets of(Instant from, Instant to, ZoneId zone) {
        Duration period = Duration.between(from, to);
        long offset = zone.getRules().getOffset(from).getTotalSeconds() * 1000L;
        for (Duration size : SIZES) {
            if (ceilDivide(period.toMillis(), size.toMillis()) <= MAX_POINTS) {
                return new Buckets(size, offset);
            }
        }
        Duration largest = SIZES.get(SIZES.size() - 1);
        return new Buckets(largest, offset);
    }

    public long sizeMillis() {
        return size.toMillis();
    }

    /** The bucket an instant falls in. */
    public long indexOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli() + offsetMillis, sizeMillis());
    }

    /** Where a bucket starts. */
    public Instant start(long index) {
        return Instant.ofEpochMilli(index * sizeMillis() - offsetMillis);
    }

    private static long ceilDivide(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
