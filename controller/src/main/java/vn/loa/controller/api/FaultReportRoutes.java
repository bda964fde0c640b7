package vn.loa.controller.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.health.Alert;
import vn.loa.controller.health.AlertFilter;
import vn.loa.controller.health.AlertStore;
import vn.loa.controller.health.FaultReport;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Request;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.registry.StationService;

/**
 * {@code GET /api/v1/reports/faults?from=&to=&area=&station=&format=csv}: faults by kind and time
 * to repair over the alerts opened in the period (default: the last 30 days), in the user's areas.
 */
public final class FaultReportRoutes {
    private static final Duration MAX_PERIOD = Duration.ofDays(366 * 5 + 2);

    private final AlertStore alerts;
    private final StationService stations;
    private final ApiJson json;
    private final Access access;
    private final Clock clock;

    public FaultReportRoutes(AlertStore alerts, StationService stations, ApiJson json, Access access, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.stations = Objects.requireNonNull(stations, "stations");
        this.json = Objects.requireNonNull(json, "json");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(Router router) {
        router.get("/api/v1/reports/faults", this::report);
    }

    private Response report(Call call) {
        Request request = call.request();
        Predicate<String> seen = AlertParams.stations(request, call.principal(), Permission.READ_ALERTS, access,
                stations);
        Instant to = Objects.requireNonNullElse(AlertParams.instant(request, "to"), clock.instant());
        Instant from = Objects.requireNonNullElse(AlertParams.instant(request, "from"), to.minus(Duration.ofDays(30)));
        if (!to.isAfter(from)) {
            throw ApiException.invalid("query parameter 'to' must be after 'from'");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw ApiException.invalid("the period from 'from' to 'to' is at most five years");
        }
        List<Alert> opened = alerts.list(new AlertFilter(null, request.queryParam("station").orElse(null), null,
                from, to, Integer.MAX_VALUE)).stream().filter(alert -> seen.test(alert.station())).toList();
        FaultReport report = FaultReport.of(from, to, opened);
        if ("csv".equals(request.queryParam("format").orElse("json"))) {
            return Response.text(200, "text/csv; charset=utf-8", csv(report))
                    .withHeader("Content-Disposition", "attachment; filename=\"faults.csv\"");
        }
        return json.ok(report);
    }

    private static String csv(FaultReport report) {
        StringBuilder csv = new StringBuilder("station,rule,count,resolved,unresolved,mean_repair_seconds,"
                + "max_repair_seconds\r\n");
        for (FaultReport.Line line : report.stations()) {
            row(csv, line.station(), line);
        }
        for (FaultReport.Line line : report.totals()) {
            row(csv, "(all)", line);
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String station, FaultReport.Line line) {
        csv.append(cell(station)).append(',').append(cell(line.rule())).append(',').append(line.count()).append(',')
                .append(line.resolved()).append(',').append(line.unresolved()).append(',')
                .append(line.meanRepairSeconds() == null ? "" : line.meanRepairSeconds()).append(',')
                .append(line.maxRepairSeconds() == null ? "" : line.maxRepairSeconds()).append("\r\n");
    }

    private static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
