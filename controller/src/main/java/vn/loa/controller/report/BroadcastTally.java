package vn.loa.controller.report;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.loa.controller.asrun.BroadcastRow;

/**
 * Adds up as-run rows of one commune (or a whole area), a window at a time, so a long period never
 * holds all its broadcasts in memory.
 */
final class BroadcastTally {
    private final long areaId;
    private final String name;
    private final Map<String, String> classes;
    private final Map<String, Long> byClass = new LinkedHashMap<>();
    private final Set<String> bulletins = new HashSet<>();
    private long millis;
    private int planned;
    private int aired;
    private int missed;
    private int failed;
    private int unconfirmed;

    /** @param classes bulletin classes by bulletin id, for rows whose class the plan does not give */
    BroadcastTally(long areaId, String name, Map<String, String> classes) {
        this.areaId = areaId;
        this.name = name;
        this.classes = classes;
    }

    void add(BroadcastRow row) {
        planned++;
        long played = played(row);
        millis += played;
        if (played > 0) {
            byClass.merge(classOf(row), played, Long::sum);
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

    CommuneBroadcasts result() {
        Map<String, Double> hoursByClass = new LinkedHashMap<>();
        byClass.forEach((bulletinClass, played) -> hoursByClass.put(bulletinClass, Availability.hours(played)));
        return new CommuneBroadcasts(areaId, name, Availability.hours(millis), hoursByClass, planned, aired,
                bulletins.size(), missed, failed, unconfirmed);
    }

    /** Milliseconds actually played: actual end minus actual start, when both are known. */
    static long played(BroadcastRow row) {
        if (row.actualStart() == null || row.actualEnd() == null || !row.actualEnd().isAfter(row.actualStart())) {
            return 0;
        }
        return Duration.between(row.actualStart(), row.actualEnd()).toMillis();
    }

    private String classOf(BroadcastRow row) {
        if (row.bulletinClass() != null) {
            return row.bulletinClass();
        }
        return classes.getOrDefault(row.bulletinId(), "unknown");
    }
}
