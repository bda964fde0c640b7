package vn.loa.controller.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.loa.controller.asrun.AsRunLog;
import vn.loa.controller.asrun.BroadcastRow;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaService;
import vn.loa.controller.store.Database;

/**
 * Reports for a period of whole local days {@code [from, to)} in Asia/Ho_Chi_Minh and an area (its
 * whole subtree): broadcast hours, availability, emergencies, and the summary of all three.
 */
public final class Reports {
    private final Database database;
    private final AreaService areas;
    private final AsRunLog asRun;
    private final Clock clock;
    private final ZoneId zone;
    private final ReportRepository repository = new ReportRepository();

    public Reports(Database database, AreaService areas, AsRunLog asRun, Clock clock, ZoneId zone) {
        this.database = Objects.requireNonNull(database, "database");
        this.areas = Objects.requireNonNull(areas, "areas");
        this.asRun = Objects.requireNonNull(asRun, "asRun");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Broadcast hours and counts, read from the as-run log a month at a time. */
    public BroadcastReport broadcasts(long areaId, LocalDate from, LocalDate to) {
        ReportArea area = area(areaId);
        Set<String> ids = area.stationIds();
        Map<String, String> classes = database.read(repository::bulletinClasses);
        BroadcastTally total = new BroadcastTally(area.area().id(), area.area().name(), classes);
        Map<Long, BroadcastTally> communes = new LinkedHashMap<>();
        area.communes().forEach(c -> communes.put(c.id(), new BroadcastTally(c.id(), c.name(), classes)));
        Map<String, Long> communeOf = area.communeOf();
        for (LocalDate window = from; window.isBefore(to); window = window.plusMonths(1)) {
            LocalDate end = window.plusMonths(1).isBefore(to) ? window.plusMonths(1) : to;
            for (BroadcastRow row : asRun.list(ids::contains, start(window), start(end))) {
                total.add(row);
                BroadcastTally commune = communes.get(communeOf.get(row.station()));
                if (commune != null) {
                    commune.add(row);
                }
            }
        }
        return new BroadcastReport(total.result(), communes.values().stream().map(BroadcastTally::result).toList());
    }

    public AvailabilityReport availability(long areaId, LocalDate from, LocalDate to) {
        ReportArea area = area(areaId);
        Instant now = clock.instant();
        Map<String, List<PresencePoint>> presence = database.read(c -> repository.presence(c, start(from), start(to)));
        List<Availability> stations = new ArrayList<>();
        Map<Long, List<DayAvailability>> byCommune = new LinkedHashMap<>();
        List<DayAvailability> total = null;
        Map<Long, Integer> counts = new HashMap<>();
        for (ReportStation station : area.stations()) {
            List<DayAvailability> days = AvailabilityCalculator.perDay(presence.getOrDefault(station.id(), List.of()),
                    station.registeredAt(), station.retiredAt(), from, to, now, zone);
            stations.add(Availability.of(station.id(), station.areaId(), station.name(), 1, days));
            byCommune.merge(station.areaId(), days, Reports::add);
            counts.merge(station.areaId(), 1, Integer::sum);
            total = total == null ? days : add(total, days);
        }
        List<Availability> communes = new ArrayList<>();
        for (Area commune : area.communes()) {
            List<DayAvailability> days = byCommune.getOrDefault(commune.id(), empty(from, to));
            int count = counts.getOrDefault(commune.id(), 0);
            communes.add(Availability.of(null, commune.id(), commune.name(), count, days));
        }
        Availability whole = Availability.of(null, area.area().id(), area.area().name(), area.stations().size(),
                total == null ? empty(from, to) : total);
        return new AvailabilityReport(whole, communes, stations);
    }

    public List<EmergencyReach> emergencies(long areaId, LocalDate from, LocalDate to) {
        ReportArea area = area(areaId);
        List<EmergencyStationRow> rows = database.read(c -> repository.emergencies(c, start(from), start(to)));
        return EmergencyTally.reach(rows, area.stationIds());
    }

    /** All three reports; availability for the period only (the per-day figures are in the availability report). */
    public Summary summary(long areaId, LocalDate from, LocalDate to) {
        Area area = areas.get(areaId);
        return new Summary(from, to, area.id(), area.name(), area.level().name().toLowerCase(java.util.Locale.ROOT),
                broadcasts(areaId, from, to), availability(areaId, from, to).withoutDays(),
                emergencies(areaId, from, to));
    }

    private ReportArea area(long areaId) {
        Area area = areas.get(areaId);
        return ReportArea.of(area, areas.subtree(areaId), areas.list(), database.read(repository::stations));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static List<DayAvailability> add(List<DayAvailability> a, List<DayAvailability> b) {
        List<DayAvailability> sum = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            sum.add(a.get(i).plus(b.get(i)));
        }
        return sum;
    }

    private static List<DayAvailability> empty(LocalDate from, LocalDate to) {
        List<DayAvailability> days = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            days.add(DayAvailability.of(day, 0, 0));
        }
        return days;
    }
}
