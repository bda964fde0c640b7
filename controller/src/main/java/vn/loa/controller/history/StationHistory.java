package vn.loa.controller.history;

import java.time.Instant;
import java.util.List;

/**
 * A station's history over a period, for charts: its heartbeats in buckets of {@code bucketSeconds}
 * (empty buckets left out) and its presence, starting with the change in force at {@code from}.
 */
public record StationHistory(String station, Instant from, Instant to, long bucketSeconds, List<HistoryPoint> points,
                             List<PresenceMark> presence) {
    public StationHistory {
        points = List.copyOf(points);
        presence = List.copyOf(presence);
    }
}
