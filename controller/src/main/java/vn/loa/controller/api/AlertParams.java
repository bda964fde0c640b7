package vn.loa.controller.api;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Scope;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.http.Request;
import vn.loa.controller.registry.Station;
import vn.loa.controller.registry.StationService;

/** Query parameters shared by the alert routes and the faults report: the stations seen, the period. */
final class AlertParams {
    private AlertParams() {
    }

    /**
     * The stations the user may see with the permission, narrowed by {@code station} and {@code area}
     * (its subtree); 403 for a station or area outside their areas, 404 for an unknown one.
     */
    static Predicate<String> stations(Request request, Principal principal, Permission permission, Access access,
                                      StationService stations) {
        Scope scope = access.require(principal, permission);
        Predicate<String> filter = station -> true;
        if (!scope.everywhere()) {
            Set<String> theirs = stations.list().stream().filter(s -> scope.covers(s.areaId())).map(Station::id)
                    .collect(Collectors.toCollection(HashSet::new));
            filter = theirs::contains;
        }
        String station = request.queryParam("station").orElse(null);
        if (station != null) {
            access.requireStation(principal, permission, station);
            filter = filter.and(station::equals);
        }
        String area = request.queryParam("area").orElse(null);
        if (area != null) {
            long areaId = areaId(area);
            access.requireArea(principal, permission, areaId);
            Set<String> inArea = stations.inArea(areaId).stream().map(Station::id)
                    .collect(Collectors.toCollection(HashSet::new));
            filter = filter.and(inArea::contains);
        }
        return filter;
    }

    /** An instant, a local date-time or a local date (Asia/Ho_Chi_Minh); null when absent. */
    static Instant instant(Request request, String field) {
        String text = request.queryParam(field).map(String::strip).orElse(null);
        if (text == null || text.isEmpty()) {
            return null;
        }
        return Periods.instant(text, field);
    }

    private static long areaId(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("query parameter 'area' must be an area id");
        }
    }
}
