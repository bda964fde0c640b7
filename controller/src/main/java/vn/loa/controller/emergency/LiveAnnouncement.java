package vn.loa.controller.emergency;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An announcement that is still running, in memory: its stations' progress and which of them
 * changed since the last write. Thread: the emergency thread only.
 */
final class LiveAnnouncement {
    private Announcement announcement;
    private final Map<String, StationProgress> stations = new LinkedHashMap<>();
    private final Set<String> dirty = new HashSet<>();
    private final Set<String> whole = new HashSet<>();

    LiveAnnouncement(Announcement announcement, List<StationProgress> stations) {
        this.announcement = announcement;
        stations.forEach(progress -> this.stations.put(progress.station(), progress));
    }

    Announcement announcement() {
        return announcement;
    }

    void announcement(Announcement changed) {
        announcement = changed;
    }

    StationProgress station(String station) {
        return stations.get(station);
    }

    List<StationProgress> stations() {
        return List.copyOf(stations.values());
    }

    /** Stations reached with every zone (sent as "every zone"). */
    Set<String> whole() {
        return whole;
    }

    void put(StationProgress progress) {
        stations.put(progress.station(), progress);
        dirty.add(progress.station());
    }

    boolean isDirty() {
        return !dirty.isEmpty();
    }

    List<StationProgress> takeDirty() {
        List<StationProgress> changed = new ArrayList<>();
        dirty.forEach(station -> changed.add(stations.get(station)));
        dirty.clear();
        return changed;
    }

    void clean() {
        dirty.clear();
    }

    boolean allFinal() {
        return stations.values().stream().allMatch(progress -> progress.stage().isFinal());
    }

    Map<String, Long> countByStage() {
        Map<String, Long> counts = new TreeMap<>();
        stations.values().forEach(progress -> counts.merge(progress.stage().wireName(), 1L, Long::sum));
        return counts;
    }
}
