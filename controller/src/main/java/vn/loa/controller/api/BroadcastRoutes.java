package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.loa.controller.asrun.AsRunLog;
import vn.loa.controller.asrun.BroadcastRow;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.registry.StationService;
import vn.loa.controller.schedule.BroadcastTime;

/**
 * {@code GET /api/v1/broadcasts?station=&area=&from=&to=&format=csv}: the as-run log. {@code from}
 * and {@code to} are instants ({@code 2026-11-24T00:00:00Z}), local date-times or local dates in
 * Asia/Ho_Chi_Minh; the default is today, local time.
 */
public final class BroadcastRoutes {
    private static final Duration MAX_WINDOW = Duration.ofDays(92);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AsRunLog log;
    private final StationService stations;
    private final ApiJson json;
    private final java.time.Clock clock;
    private final Access access;

    public BroadcastRoutes(AsRunLog log, StationService stations, ApiJson json, java.time.Clock clock, Access access) {
        this.access = access;
        this.log = log;
        this.stations = stations;
        this.json = json;
        this.clock = clock;
    }

    public void register(Router router) {
        router.get("/api/v1/broadcasts", this::list);
    }

    private Response list(Call call) {
        var request = call.request();
        LocalDate today = LocalDate.now(clock.withZone(BroadcastTime.ZONE));
        Instant from = request.queryParam("from").map(text -> Periods.instant(text, "from"))
                .orElse(today.atStartOfDay(BroadcastTime.ZONE).toInstant());
        Instant to = request.queryParam("to").map(text -> Periods.instant(text, "to")).orElse(from.plus(Duration.ofDays(1)));
        if (!to.isAfter(from)) {
            throw ApiException.invalid("query parameter 'to' must be after 'from'");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw ApiException.invalid("the window from 'from' to 'to' is at most 92 days");
        }
        Scope scope = access.require(call.principal(), Permission.READ_BROADCASTS);
        Predicate<String> filter = station -> true;
        if (!scope.everywhere()) {
            Set<String> theirs = stations.list().stream().filter(s -> scope.covers(s.areaId())).map(s -> s.id())
                    .collect(Collectors.toCollection(HashSet::new));
            filter = theirs::contains;
        }
        String station = request.queryParam("station").orElse(null);
        if (station != null) {
            access.requireStation(call.principal(), Permission.READ_BROADCASTS, station);
            filter = filter.and(station::equals);
        }
        String area = request.queryParam("area").orElse(null);
        if (area != null) {
            access.requireTouching(call.principal(), Permission.READ_BROADCASTS, Periods.areaId(area));
            Set<String> inArea = stations.inArea(Periods.areaId(area)).stream().map(s -> s.id())
                    .collect(Collectors.toCollection(HashSet::new));
            filter = filter.and(inArea::contains);
        }
        List<BroadcastRow> rows = log.list(filter, from, to);
        if ("csv".equals(request.queryParam("format").orElse("json"))) {
            return csv(rows).withHeader("Content-Disposition", "attachment; filename=\"as-run.csv\"");
        }
        return json.ok(Map.of("from", from, "to", to, "broadcasts", rows));
    }

    private static Response csv(List<BroadcastRow> rows) {
        StringBuilder csv = new StringBuilder("broadcast_id,station,schedule_id,bulletin_id,class,planned_start_local,"
                + "planned_start_utc,planned_end_utc,state,actual_start_utc,actual_end_utc,zones,zones_on,reason\r\n");
        for (BroadcastRow row : rows) {
            csv.append(Csv.cell(row.broadcastId())).append(',').append(Csv.cell(row.station())).append(',')
                    .append(Csv.cell(row.scheduleId())).append(',').append(Csv.cell(row.bulletinId())).append(',')
                    .append(Csv.cell(row.bulletinClass())).append(',')
                    .append(Csv.cell(LOCAL.format(row.plannedStart().atZone(BroadcastTime.ZONE)))).append(',')
                    .append(Csv.cell(row.plannedStart())).append(',').append(Csv.cell(row.plannedEnd())).append(',')
                    .append(Csv.cell(row.state())).append(',').append(Csv.cell(row.actualStart())).append(',')
                    .append(Csv.cell(row.actualEnd())).append(',').append(Csv.cell(join(row.zones()))).append(',')
                    .append(Csv.cell(join(row.zonesOn()))).append(',').append(Csv.cell(row.reason())).append("\r\n");
        }
        return Response.text(200, "text/csv; charset=utf-8", csv.toString());
    }

    private static String join(List<Integer> zones) {
        return zones.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
