package vn.loa.controller.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.loa.controller.asrun.BroadcastRow;
import vn.loa.controller.registry.Area;

/** Adds up as-run rows per commune (the area of each row's station). */
final class BroadcastTally {
    private BroadcastTally() {
    }

    /**
     * @param rows      the as-run rows of the area's stations
     * @param communeOf each station's area
     * @param communes  the communes to report, in order (each gets a line, even with nothing aired)
     * @param classes   bulletin classes by bulletin id, for rows whose class the plan does not give
     */
    static List<CommuneBroadcasts> perCommune(List<BroadcastRow> rows, Map<String, Long> communeOf,
                                              Collection<Area> communes, Map<String, String> classes) {
        Map<Long, List<BroadcastRow>> byCommune = new HashMap<>();
        for (BroadcastRow row : rows) {
            Long commune = communeOf.get(row.station());
            if (commune != null) {
                byCommune.computeIfAbsent(commune, id -> new ArrayList<>()).add(row);
            }
        }
        List<CommuneBroadcasts> result = new ArrayList<>();
        for (Area commune : communes) {
            result.add(tally(commune.id(), commune.name(), byCommune.getOrDefault(commune.id(), List.of()), classes));
        }
        return result;
    }

    static CommuneBroadcasts tally(long areaId, String name, List<BroadcastRow> rows, Map<String, String> classes) {
        long millis = 0;
        Map<String, Long> byClass = new LinkedHashMap<>();
        Set<String> bulletins = new HashSet<>();
        int aired = 0;
        int missed = 0;
        int failed = 0;
        int unconfirmed = 0;
        for (BroadcastRow row : rows) {
            long played = played(row);
            millis += played;
            if (played > 0) {
                byClass.merge(classOf(row, classes), played, Long::sum);
            }
            switch (row.state()) {
                case "finished", "partly-played" -> {
                    aired++;
                    bulletins.add(row.bulletinId());
                }
                case "missed" -> missed++;
                case "failed" -> failed++;
                case "unconfirmed" -> unconfirmed++;
                default -> { }
            }
        }
        Map<String, Double> hoursByClass = new LinkedHashMap<>();
        byClass.forEach((bulletinClass, played) -> hoursByClass.put(bulletinClass, Availability.hours(played)));
        return new CommuneBroadcasts(areaId, name, Availability.hours(millis), hoursByClass, rows.size(), aired,
                bulletins.size(), missed, failed, unconfirmed);
    }

    /** Milliseconds actually played: actual end minus actual start, when both are known. */
    static long played(BroadcastRow row) {
        if (row.actualStart() == null || row.actualEnd() == null || !row.actualEnd().isAfter(row.actualStart())) {
            return 0;
        }
        return Duration.between(row.actualStart(), row.actualEnd()).toMillis();
    }

    private static String classOf(BroadcastRow row, Map<String, String> classes) {
        if (row.bulletinClass() != null) {
            return row.bulletinClass();
        }
        return classes.getOrDefault(row.bulletinId(), "unknown");
    }
}
