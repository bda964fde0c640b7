package vn.loa.controller.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects, over the measured rounds, per-station intervals from a round's trigger instant to an
 * event of that station (nanoseconds).
 */
final class RoundFigures {
    private final List<Long> nanos = new ArrayList<>();
    private int missing;

    /** Adds {@code event - trigger} for every station; stations without the event count as missing. */
    void add(long triggerNanos, Map<String, Long> eventNanos, List<String> stations) {
        for (String station : stations) {
            Long at = eventNanos.get(station);
            if (at == null) {
                missing++;
            } else {
                nanos.add(at - triggerNanos);
            }
        }
    }

    /** Adds already computed intervals. */
    void addIntervals(List<Long> intervals) {
        nanos.addAll(intervals);
    }

    int missing() {
        return missing;
    }

    Latencies latencies() {
        return Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray());
    }
}
