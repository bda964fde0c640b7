package vn.loa.controller.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.loa.controller.http.Response;
import vn.loa.controller.report.Availability;
import vn.loa.controller.report.AvailabilityReport;
import vn.loa.controller.report.BroadcastReport;
import vn.loa.controller.report.CommuneBroadcasts;
import vn.loa.controller.report.DayAvailability;
import vn.loa.controller.report.EmergencyReach;
import vn.loa.controller.report.Summary;

/** The reports as CSV tables: hours with 3 decimals, availability as a ratio with 4. */
final class ReportCsv {
    private static final List<String> CLASSES = List.of("normal", "priority", "emergency");

    private ReportCsv() {
    }

    static Response attachment(Csv csv, String name, LocalDate from, LocalDate to) {
        return Response.text(200, "text/csv; charset=utf-8", csv.toString()).withHeader("Content-Disposition",
                "attachment; filename=\"" + name + "-" + from + "-" + to + ".csv\"");
    }

    static Csv broadcasts(BroadcastReport report) {
        Csv csv = new Csv().row("area_id", "commune", "broadcast_hours", "hours_normal", "hours_priority",
                "hours_emergency", "planned", "aired", "distinct_bulletins", "missed", "failed", "unconfirmed");
        for (CommuneBroadcasts commune : report.communes()) {
            broadcastRow(csv, commune);
        }
        broadcastRow(csv, report.total());
        return csv;
    }

    private static void broadcastRow(Csv csv, CommuneBroadcasts line) {
        Map<String, Double> byClass = line.hoursByClass();
        csv.row(line.areaId(), line.commune(), hours(line.hours()), hours(byClass.getOrDefault(CLASSES.get(0), 0.0)),
                hours(byClass.getOrDefault(CLASSES.get(1), 0.0)), hours(byClass.getOrDefault(CLASSES.get(2), 0.0)),
                line.planned(), line.aired(), line.bulletins(), line.missed(), line.failed(), line.unconfirmed());
    }

    static Csv availability(AvailabilityReport report) {
        Csv csv = new Csv().row("level", "id", "name", "area_id", "day", "observed_hours", "online_hours",
                "availability");
        for (Availability station : report.stations()) {
            availabilityRows(csv, "station", station.station(), station);
        }
        for (Availability commune : report.communes()) {
            availabilityRows(csv, "commune", String.valueOf(commune.areaId()), commune);
        }
        availabilityRows(csv, "area", String.valueOf(report.area().areaId()), report.area());
        return csv;
    }

    private static void availabilityRows(Csv csv, String level, String id, Availability line) {
        for (DayAvailability day : line.days()) {
            csv.row(level, id, line.name(), line.areaId(), day.day(), hours(day.observedMillis() / 3_600_000.0),
                    hours(day.onlineMillis() / 3_600_000.0), ratio(day.availability()));
        }
        csv.row(level, id, line.name(), line.areaId(), "period", hours(line.observedHours()),
                hours(line.onlineHours()), ratio(line.availability()));
    }

    static Csv emergencies(List<EmergencyReach> report) {
        Csv csv = new Csv().row("id", "title", "triggered_at", "targeted", "reached", "zones_on_median_s",
                "zones_on_max_s", "playing_median_s", "playing_max_s");
        for (EmergencyReach line : report) {
            csv.row(line.id(), line.title(), line.triggeredAt(), line.targeted(), line.reached(),
                    seconds(line.zonesOnMedianSeconds()), seconds(line.zonesOnMaxSeconds()),
                    seconds(line.playingMedianSeconds()), seconds(line.playingMaxSeconds()));
        }
        return csv;
    }

    /** One line per commune (and the area's total): what the yearly review table asks. */
    static Csv summary(Summary summary) {
        Csv csv = new Csv().row("area_id", "commune", "broadcast_hours", "aired", "distinct_bulletins", "missed",
                "unconfirmed", "stations", "availability");
        List<CommuneBroadcasts> broadcasts = summary.broadcasts().communes();
        List<Availability> availability = summary.availability().communes();
        for (int i = 0; i < broadcasts.size(); i++) {
            summaryRow(csv, broadcasts.get(i), availability.get(i));
        }
        summaryRow(csv, summary.broadcasts().total(), summary.availability().area());
        return csv;
    }

    private static void summaryRow(Csv csv, CommuneBroadcasts line, Availability availability) {
        csv.row(line.areaId(), line.commune(), hours(line.hours()), line.aired(), line.bulletins(), line.missed(),
                line.unconfirmed(), availability.stations(), ratio(availability.availability()));
    }

    static String hours(double hours) {
        return String.format(Locale.ROOT, "%.3f", hours);
    }

    static String ratio(Double ratio) {
        return ratio == null ? "" : String.format(Locale.ROOT, "%.4f", ratio);
    }

    private static String seconds(Double seconds) {
        return seconds == null ? "" : String.format(Locale.ROOT, "%.1f", seconds);
    }
}
