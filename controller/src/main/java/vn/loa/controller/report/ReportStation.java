package vn.loa.controller.report;

import java.time.Instant;

/** A station as reports see it: retired stations included, for the time they served. */
public record ReportStation(String id, long areaId, String name, Instant registeredAt, Instant retiredAt) {
}
