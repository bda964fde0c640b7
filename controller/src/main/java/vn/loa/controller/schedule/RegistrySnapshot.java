package vn.loa.controller.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.Station;
import vn.loa.protocol.Zone;

/**
 * The registry at one moment, for scheduling: stations with their zones and the area tree. Turns a
 * schedule's targets into the zones of each station it reaches, and finds a station's quiet hours.
 */
public final class RegistrySnapshot {
    private final Map<String, Station> stations = new LinkedHashMap<>();
    private final Map<Long, Area> areas = new HashMap<>();

    public RegistrySnapshot(List<Station> stations, List<Area> areas) {
        stations.forEach(station -> this.stations.put(station.id(), station));
        areas.forEach(area -> this.areas.put(area.id(), area));
    }

    public Optional<Station> station(String id) {
        return Optional.ofNullable(stations.get(id));
    }

    public List<Station> stations() {
        return List.copyOf(stations.values());
    }

    /** Station id → the relay channels a schedule's targets reach there. Unknown targets are a 404. */
    public Map<String, Set<Integer>> resolve(Targets targets) {
        Map<String, Set<Integer>> reached = new LinkedHashMap<>();
        for (long areaId : targets.areas()) {
            if (!areas.containsKey(areaId)) {
                throw ApiException.notFound("no area with id " + areaId);
            }
            for (Station station : stations.values()) {
                if (isWithin(station.areaId(), areaId)) {
                    allZones(reached, station);
                }
            }
        }
        for (String id : targets.stations()) {
            allZones(reached, station(id).orElseThrow(() -> ApiException.notFound("no station with id '" + id + "'")));
        }
        for (ZoneTarget zone : targets.zones()) {
            Station station = station(zone.station())
                    .orElseThrow(() -> ApiException.notFound("no station with id '" + zone.station() + "'"));
            boolean exists = station.zones().stream().anyMatch(z -> z.channel() == zone.channel());
            if (!exists) {
                throw ApiException.notFound("station '" + station.id() + "' has no zone on channel " + zone.channel());
            }
            reached.computeIfAbsent(station.id(), id -> new TreeSet<>()).add(zone.channel());
        }
        return reached;
    }

    /** Like {@link #resolve} but ignoring targets that no longer exist (for plans of existing schedules). */
    public Map<String, Set<Integer>> resolveLeniently(Targets targets) {
        Map<String, Set<Integer>> reached = new LinkedHashMap<>();
        for (long areaId : targets.areas()) {
            for (Station station : stations.values()) {
                if (areas.containsKey(areaId) && isWithin(station.areaId(), areaId)) {
                    allZones(reached, station);
                }
            }
        }
        targets.stations().forEach(id -> station(id).ifPresent(station -> allZones(reached, station)));
        for (ZoneTarget zone : targets.zones()) {
            station(zone.station()).filter(station -> station.zones().stream()
                    .anyMatch(z -> z.channel() == zone.channel()))
                    .ifPresent(station -> reached.computeIfAbsent(station.id(), id -> new TreeSet<>()).add(zone.channel()));
        }
        return reached;
    }

    /** The quiet hours that apply to a station: its commune's, or the nearest ancestor's that has some. */
    public Optional<QuietHours> quietHoursOf(String stationId, Map<Long, QuietHours> quietHours) {
        Station station = stations.get(stationId);
        if (station == null) {
            return Optional.empty();
        }
        for (Long cursor = station.areaId(); cursor != null; ) {
            QuietHours hours = quietHours.get(cursor);
            if (hours != null) {
                return Optional.of(hours);
            }
            Area area = areas.get(cursor);
            cursor = area == null ? null : area.parentId();
        }
        return Optional.empty();
    }

    /** The ids of the stations in an area's subtree. */
    public List<String> stationsUnder(long areaId) {
        List<String> ids = new ArrayList<>();
        for (Station station : stations.values()) {
            if (isWithin(station.areaId(), areaId)) {
                ids.add(station.id());
            }
        }
        return ids;
    }

    private boolean isWithin(long areaId, long ancestorId) {
        int guard = 0;
        for (Long cursor = areaId; cursor != null && guard++ < 64; ) {
            if (cursor == ancestorId) {
                return true;
            }
            Area area = areas.get(cursor);
            cursor = area == null ? null : area.parentId();
        }
        return false;
    }

    private static void allZones(Map<String, Set<Integer>> reached, Station station) {
        Set<Integer> channels = reached.computeIfAbsent(station.id(), id -> new TreeSet<>());
        for (Zone zone : station.zones()) {
            channels.add(zone.channel());
        }
    }
}
