package vn.loa.controller.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A schedule to create: local start, optional RRULE and last local date, targets. */
public record ScheduleDraft(String bulletinId, LocalDateTime start, String rrule, LocalDate until, Targets targets) {
}
