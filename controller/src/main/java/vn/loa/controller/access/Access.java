package vn.loa.controller.access;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.auth.RoleGrant;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaService;
import vn.loa.controller.registry.Station;
import vn.loa.controller.registry.StationService;
import vn.loa.controller.schedule.Targets;
import vn.loa.controller.schedule.ZoneTarget;

/**
 * Checks a user's roles and areas against what a request does. Every refusal is a 403 naming what
 * the user's roles do not allow; a request naming something that does not exist stays a 404.
 * Called on API worker threads; reads the area tree once per check.
 */
public final class Access {
    private final AreaService areas;
    private final StationService stations;

    public Access(AreaService areas, StationService stations) {
        this.areas = Objects.requireNonNull(areas, "areas");
        this.stations = Objects.requireNonNull(stations, "stations");
    }

    /** Where the user holds the permission (possibly nowhere). */
    public Scope scope(Principal principal, Permission permission) {
        Set<Long> roots = new HashSet<>();
        for (RoleGrant grant : principal.roles()) {
            Optional<Role> role = Role.fromWire(grant.role());
            if (role.isEmpty() || !role.get().grants(permission)) {
                continue;
            }
            if (role.get() == Role.ADMIN || grant.areaId() == null) {
                return Scope.EVERYWHERE;
            }
            roots.add(grant.areaId());
        }
        if (roots.isEmpty()) {
            return Scope.NOWHERE;
        }
        return expand(roots);
    }

    /** The user's scope for the permission; a 403 when they hold it nowhere. */
    public Scope require(Principal principal, Permission permission) {
        Scope scope = scope(principal, permission);
        if (scope.isEmpty()) {
            throw ApiException.forbidden("your roles do not allow you to " + permission.description());
        }
        return scope;
    }

    /** A 403 unless the user holds the permission everywhere (no area restriction). */
    public void requireEverywhere(Principal principal, Permission permission) {
        if (!require(principal, permission).everywhere()) {
            throw ApiException.forbidden("only someone allowed to " + permission.description()
                    + " in every area may do this");
        }
    }

    /** A 403 unless the area lies in the user's areas for the permission. */
    public void requireArea(Principal principal, Permission permission, long areaId) {
        Scope scope = require(principal, permission);
        areas.get(areaId);
        if (!scope.covers(areaId)) {
            throw outside(permission, "area " + areaId);
        }
    }

    /**
     * The scope, when the area is in or above the user's areas (a list asked for that area shows
     * their part of it); a 403 for an area beside theirs, a 404 for an unknown one.
     */
    public Scope requireTouching(Principal principal, Permission permission, long areaId) {
        Scope scope = require(principal, permission);
        areas.get(areaId);
        if (!scope.touches(areaId)) {
            throw outside(permission, "area " + areaId);
        }
        return scope;
    }

    /** The station, when it lies in the user's areas for the permission; 404 if unknown, 403 if elsewhere. */
    public Station requireStation(Principal principal, Permission permission, String stationId) {
        Scope scope = require(principal, permission);
        Station station = stations.get(stationId);
        if (!scope.covers(station.areaId())) {
            throw outside(permission, "station '" + station.id() + "'");
        }
        return station;
    }

    /** A 403 unless every target (areas, stations, zones) lies in the user's areas for the permission. */
    public void requireTargets(Principal principal, Permission permission, Targets targets) {
        Scope scope = require(principal, permission);
        if (scope.everywhere()) {
            return;
        }
        for (long area : targets.areas()) {
            if (!scope.covers(area)) {
                throw outside(permission, "area " + area);
            }
        }
        for (String station : stationsOf(targets)) {
            Optional<Station> found = find(station);
            if (found.isPresent() && !scope.covers(found.get().areaId())) {
                throw outside(permission, "station '" + station + "'");
            }
        }
    }

    /**
     * A 403 unless the user may see what belongs to the area: theirs, below theirs or above it (a
     * district's bulletin concerns its communes). Null: the whole library, seen by all who hold the permission.
     */
    public void requireVisible(Principal principal, Permission permission, Long areaId, String what) {
        Scope scope = require(principal, permission);
        if (areaId != null && !scope.touches(areaId)) {
            throw outside(permission, what);
        }
    }

    /** A 403 unless the area lies in the user's areas (null, the whole library: only for those allowed everywhere). */
    public void requireOwned(Principal principal, Permission permission, Long areaId, String what) {
        Scope scope = require(principal, permission);
        if (areaId == null ? !scope.everywhere() : !scope.covers(areaId)) {
            throw outside(permission, what);
        }
    }

    /** Whether any target lies in or above the scope's areas: what the user may see. */
    public boolean touches(Scope scope, Targets targets) {
        return seenIn(scope).test(targets);
    }

    /** {@link #touches} for many targets (a list): reads the registry once. */
    public Predicate<Targets> seenIn(Scope scope) {
        if (scope.everywhere()) {
            return targets -> true;
        }
        Map<String, Long> areaOf = stations.list().stream().collect(Collectors.toMap(Station::id, Station::areaId));
        return targets -> targets.areas().stream().anyMatch(scope::touches)
                || stationsOf(targets).stream().map(areaOf::get).anyMatch(area -> area != null && scope.covers(area));
    }

    /** Which stations (by id) lie in the scope's areas: what a user may see of a broadcast's reach. */
    public Predicate<String> stationsIn(Scope scope) {
        if (scope.everywhere()) {
            return station -> true;
        }
        Map<String, Long> areaOf = stations.list().stream().collect(Collectors.toMap(Station::id, Station::areaId));
        return station -> areaOf.containsKey(station) && scope.covers(areaOf.get(station));
    }

    private Optional<Station> find(String stationId) {
        try {
            return Optional.of(stations.get(stationId));
        } catch (ApiException unknown) {
            return Optional.empty();
        }
    }

    private static Set<String> stationsOf(Targets targets) {
        Set<String> ids = new HashSet<>(targets.stations());
        targets.zones().stream().map(ZoneTarget::station).forEach(ids::add);
        return ids;
    }

    private static ApiException outside(Permission permission, String what) {
        return ApiException.forbidden(what + " is outside the areas where your roles allow you to "
                + permission.description());
    }

    private Scope expand(Set<Long> roots) {
        List<Area> all = areas.list();
        Map<Long, Area> byId = all.stream().collect(Collectors.toMap(Area::id, area -> area));
        Map<Long, List<Long>> children = new HashMap<>();
        for (Area area : all) {
            if (area.parentId() != null) {
                children.computeIfAbsent(area.parentId(), parent -> new ArrayList<>()).add(area.id());
            }
        }
        Set<Long> covered = new HashSet<>();
        Set<Long> above = new HashSet<>();
        Deque<Long> pending = new ArrayDeque<>();
        for (long root : roots) {
            if (!byId.containsKey(root)) {
                continue;
            }
            pending.push(root);
            Long parent = byId.get(root).parentId();
            while (parent != null && byId.containsKey(parent) && above.add(parent)) {
                parent = byId.get(parent).parentId();
            }
        }
        while (!pending.isEmpty()) {
            long id = pending.pop();
            if (covered.add(id)) {
                children.getOrDefault(id, List.of()).forEach(pending::push);
            }
        }
        above.removeAll(covered);
        return new Scope(false, roots, covered, above);
    }
}
