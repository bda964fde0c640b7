package vn.loa.controller.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Request;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.report.Reports;
import vn.loa.controller.schedule.BroadcastTime;

/**
 * {@code GET /api/v1/reports/{broadcast-hours,availability,emergencies,summary}?area=&from=&to=&format=}:
 * reports over whole local days {@code [from, to)} (Asia/Ho_Chi_Minh; default: this month so far) for an
 * area and everything below it, as JSON, CSV ({@code format=csv}) or, for the summary, a printable
 * page ({@code format=html}). Needs {@code READ_REPORTS} over the area.
 */
public final class ReportRoutes {
    private static final long MAX_DAYS = 5 * 366 + 1;

    private final Reports reports;
    private final ApiJson json;
    private final Clock clock;
    private final Access access;

    public ReportRoutes(Reports reports, ApiJson json, Clock clock, Access access) {
        this.reports = reports;
        this.json = json;
        this.clock = clock;
        this.access = access;
    }

    public void register(Router router) {
        router.get("/api/v1/reports/broadcast-hours", this::broadcastHours);
        router.get("/api/v1/reports/availability", this::availability);
        router.get("/api/v1/reports/emergencies", this::emergencies);
        router.get("/api/v1/reports/summary", this::summary);
    }

    private Response broadcastHours(Call call) {
        Period period = period(call, "csv");
        var report = reports.broadcasts(period.area(), period.from(), period.to());
        if (period.csv()) {
            return ReportCsv.attachment(ReportCsv.broadcasts(report), "broadcast-hours", period.from(), period.to());
        }
        return json.ok(body(period, "broadcasts", report));
    }

    private Response availability(Call call) {
        Period period = period(call, "csv");
        var report = reports.availability(period.area(), period.from(), period.to());
        if (period.csv()) {
            return ReportCsv.attachment(ReportCsv.availability(report), "availability", period.from(), period.to());
        }
        return json.ok(body(period, "availability", report));
    }

    private Response emergencies(Call call) {
        Period period = period(call, "csv");
        var report = reports.emergencies(period.area(), period.from(), period.to());
        if (period.csv()) {
            return ReportCsv.attachment(ReportCsv.emergencies(report), "emergencies", period.from(), period.to());
        }
        return json.ok(body(period, "emergencies", report));
    }

    private Response summary(Call call) {
        Period period = period(call, "csv", "html");
        var summary = reports.summary(period.area(), period.from(), period.to());
        if (period.csv()) {
            return ReportCsv.attachment(ReportCsv.summary(summary), "summary", period.from(), period.to());
        }
        if ("html".equals(period.format())) {
            return Response.text(200, "text/html; charset=utf-8", ReportPage.render(summary));
        }
        return json.ok(summary);
    }

    private static Map<String, Object> body(Period period, String name, Object report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from());
        body.put("to", period.to());
        body.put("area", period.area());
        body.put(name, report);
        return body;
    }

    private record Period(long area, LocalDate from, LocalDate to, String format) {
        boolean csv() {
            return "csv".equals(format);
        }
    }

    private Period period(Call call, String... formats) {
        Request request = call.request();
        String rawArea = request.queryParam("area")
                .orElseThrow(() -> ApiException.invalid("query parameter 'area' (an area id) is required"));
        LocalDate today = LocalDate.now(clock.withZone(BroadcastTime.ZONE));
        LocalDate from = request.queryParam("from").map(text -> Periods.date(text, "from"))
                .orElse(today.withDayOfMonth(1));
        LocalDate to = request.queryParam("to").map(text -> Periods.date(text, "to")).orElse(today.plusDays(1));
        if (!to.isAfter(from)) {
            throw ApiException.invalid("query parameter 'to' must be after 'from' (the period is [from, to))");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw ApiException.invalid("a report covers at most five years");
        }
        String format = request.queryParam("format").orElse("json");
        if (!"json".equals(format) && !java.util.List.of(formats).contains(format)) {
            throw ApiException.invalid("query parameter 'format' must be json or " + String.join(" or ", formats));
        }
        long area = Periods.areaId(rawArea);
        access.requireArea(call.principal(), Permission.READ_REPORTS, area);
        return new Period(area, from, to, format);
    }
}
