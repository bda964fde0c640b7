package vn.loa.controller.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reach and timings of emergency announcements over a set of stations. */
final class EmergencyTally {
    private EmergencyTally() {
    }

    static List<EmergencyReach> reach(List<EmergencyStationRow> rows, Set<String> stations) {
        Map<String, List<EmergencyStationRow>> byEmergency = new LinkedHashMap<>();
        for (EmergencyStationRow row : rows) {
            if (stations.contains(row.stationId())) {
                byEmergency.computeIfAbsent(row.emergencyId(), id -> new ArrayList<>()).add(row);
            }
        }
        List<EmergencyReach> result = new ArrayList<>();
        for (List<EmergencyStationRow> targeted : byEmergency.values()) {
            EmergencyStationRow first = targeted.get(0);
            List<Double> zonesOn = new ArrayList<>();
            List<Double> playing = new ArrayList<>();
            for (EmergencyStationRow row : targeted) {
                seconds(first.triggeredAt(), row.zonesOnAt(), zonesOn);
                seconds(first.triggeredAt(), row.playingAt(), playing);
            }
            result.add(new EmergencyReach(first.emergencyId(), first.title(), first.triggeredAt(), targeted.size(),
                    playing.size(), median(zonesOn), max(zonesOn), median(playing), max(playing)));
        }
        return result;
    }

    private static void seconds(Instant trigger, Instant at, List<Double> into) {
        if (at != null) {
            into.add(Math.max(0, Duration.between(trigger, at).toMillis()) / 1000.0);
        }
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Double max(List<Double> values) {
        return values.stream().max(Double::compare).orElse(null);
    }
}
