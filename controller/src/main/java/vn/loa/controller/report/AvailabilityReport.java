package vn.loa.controller.report;

import java.util.List;

/** Availability of the report's area, of each commune in it and of each station. */
public record AvailabilityReport(Availability area, List<Availability> communes, List<Availability> stations) {
    public AvailabilityReport {
        communes = List.copyOf(communes);
        stations = List.copyOf(stations);
    }

    /** The period's figures only, without the per-day lists. */
    AvailabilityReport withoutDays() {
        return new AvailabilityReport(area.withoutDays(), communes.stream().map(Availability::withoutDays).toList(),
                stations.stream().map(Availability::withoutDays).toList());
    }
}
