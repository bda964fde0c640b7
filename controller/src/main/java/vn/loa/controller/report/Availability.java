package vn.loa.controller.report;

import java.util.List;

/**
 * Availability of a station or an area over a period: observed and online hours, their ratio (null
 * when nothing was observed) and the days. An area's figures are station-hours weighted: the online
 * time of all its stations over their observed time, so a station registered for half the period
 * weighs half as much.
 */
public record Availability(String station, Long areaId, String name, int stations, double observedHours,
                           double onlineHours, Double availability, List<DayAvailability> days) {
    public Availability {
        days = List.copyOf(days);
    }

    static Availability of(String station, Long areaId, String name, int stations, List<DayAvailability> days) {
        long observed = days.stream().mapToLong(DayAvailability::observedMillis).sum();
        long online = days.stream().mapToLong(DayAvailability::onlineMillis).sum();
        return new Availability(station, areaId, name, stations, hours(observed), hours(online),
                observed == 0 ? null : (double) online / observed, days);
    }

    /** The same figures without the days (for the summary, which reports the period only). */
    Availability withoutDays() {
        return new Availability(station, areaId, name, stations, observedHours, onlineHours, availability, List.of());
    }

    static double hours(long millis) {
        return millis / 3_600_000.0;
    }
}
