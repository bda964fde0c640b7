package vn.loa.controller.schedule;

import java.util.List;

/** What a schedule aims at: whole areas (every station below), whole stations, single zones. */
public record Targets(List<Long> areas, List<String> stations, List<ZoneTarget> zones) {
    public Targets {
        areas = List.copyOf(areas);
        stations = List.copyOf(stations);
        zones = List.copyOf(zones);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return areas.isEmpty() && stations.isEmpty() && zones.isEmpty();
    }
}
