package vn.loa.controller.report;

import java.time.LocalDate;
import java.util.List;

/** Everything for a period's review: broadcasts, availability and emergencies of one area. */
public record Summary(LocalDate from, LocalDate to, long areaId, String areaName, String areaLevel,
                      BroadcastReport broadcasts, AvailabilityReport availability, List<EmergencyReach> emergencies) {
    public Summary {
        emergencies = List.copyOf(emergencies);
    }
}
