package vn.loa.controller.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaLevel;

/**
 * The area a report covers: the communes in its subtree (by name) and the stations that ever stood
 * there (retired ones included). A station counts where it is now; its history follows it if moved.
 */
record ReportArea(Area area, List<Area> communes, List<ReportStation> stations) {
    static ReportArea of(Area area, Set<Long> subtree, List<Area> allAreas, List<ReportStation> allStations) {
        List<Area> communes = allAreas.stream().filter(a -> subtree.contains(a.id()))
                .filter(a -> a.level() == AreaLevel.COMMUNE)
                .sorted(java.util.Comparator.comparing(Area::name).thenComparing(Area::id)).toList();
        List<ReportStation> stations = allStations.stream().filter(s -> subtree.contains(s.areaId())).toList();
        return new ReportArea(area, communes, stations);
    }

    Set<String> stationIds() {
        return stations.stream().map(ReportStation::id).collect(Collectors.toSet());
    }

    Map<String, Long> communeOf() {
        return stations.stream().collect(Collectors.toMap(ReportStation::id, ReportStation::areaId));
    }

    Map<Long, Area> communesById() {
        return communes.stream().collect(Collectors.toMap(Area::id, Function.identity()));
    }
}
