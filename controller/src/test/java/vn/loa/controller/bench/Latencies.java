package vn.loa.controller.bench;

import java.util.Arrays;
import java.util.Locale;

/** A set of measured intervals, in nanoseconds, with nearest-rank percentiles. */
public record Latencies(long[] sortedNanos) {
    public Latencies {
        if (sortedNanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }

    public static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile, in milliseconds. */
    public double percentileMillis(double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    public double p50() {
        return percentileMillis(50);
    }

    public double p99() {
        return percentileMillis(99);
    }

    public double maxMillis() {
        return sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    public double minMillis() {
        return sortedNanos[0] / 1e6;
    }

    /** {@code p50 1.234 ms, p99 5.678 ms, max 9.012 ms (n=20000)}. */
    public String summary() {
        return String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)", p50(), p99(), maxMillis(),
                count());
    }
}
