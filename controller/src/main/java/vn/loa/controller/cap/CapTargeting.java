package vn.loa.controller.cap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.Station;

/**
 * Finds which of our areas and stations a CAP info reaches, over one snapshot of the registry. An
 * area block reaches every area whose code is one of its geocodes named {@code areaCodeName} (the
 * name ignoring case, the code exactly), and every station with coordinates inside one of its
 * polygons (edges included) or circles. Stations without coordinates are reached only through
 * their area's code.
 */
public final class CapTargeting {
    private final Map<String, List<Long>> areaIdsByCode = new HashMap<>();
    private final List<Station> locatedStations = new ArrayList<>();
    private final String areaCodeName;

    public CapTargeting(List<Area> areas, List<Station> stations, String areaCodeName) {
        this.areaCodeName = Objects.requireNonNull(areaCodeName, "areaCodeName");
        areas.forEach(area -> areaIdsByCode.computeIfAbsent(area.code(), code -> new ArrayList<>()).add(area.id()));
        stations.stream().filter(station -> station.latitude() != null && station.longitude() != null)
                .forEach(locatedStations::add);
    }

    public CapReach reach(CapInfo info) {
        return info == null ? CapReach.NOTHING : reach(info.areas());
    }

    public CapReach reach(List<CapArea> blocks) {
        Set<Long> areaIds = new HashSet<>();
        Set<String> stationIds = new HashSet<>();
        List<String> unmatched = new ArrayList<>();
        for (CapArea block : blocks) {
            Set<Long> blockAreas = areasOf(block);
            Set<String> blockStations = stationsIn(block);
            if (blockAreas.isEmpty() && blockStations.isEmpty()) {
                unmatched.add(block.description());
            }
            areaIds.addAll(blockAreas);
            stationIds.addAll(blockStations);
        }
        return new CapReach(areaIds, stationIds, unmatched);
    }

    private Set<Long> areasOf(CapArea block) {
        Set<Long> ids = new HashSet<>();
        block.geocodes(areaCodeName).forEach(code -> ids.addAll(areaIdsByCode.getOrDefault(code.strip(), List.of())));
        return ids;
    }

    private Set<String> stationsIn(CapArea block) {
        Set<String> ids = new HashSet<>();
        for (Station station : locatedStations) {
            GeoPoint point = pointOf(station);
            if (point != null && (block.polygons().stream().anyMatch(polygon -> polygon.contains(point))
                    || block.circles().stream().anyMatch(circle -> circle.contains(point)))) {
                ids.add(station.id());
            }
        }
        return ids;
    }

    /** Null for coordinates no map has: such a station is reached by its area only. */
    private static GeoPoint pointOf(Station station) {
        try {
            return new GeoPoint(station.latitude(), station.longitude());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
