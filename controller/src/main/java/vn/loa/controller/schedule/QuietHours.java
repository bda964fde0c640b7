package vn.loa.controller.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily span of local time when normal and priority broadcasts stay silent, e.g. 21:30-05:30
 * (it may wrap past midnight). Emergencies ignore it.
 */
public record QuietHours(LocalTime from, LocalTime to) {
    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    /** Whether a broadcast starting at this instant would start inside the quiet hours. */
    public boolean covers(Instant start) {
        LocalTime local = start.atZone(BroadcastTime.ZONE).toLocalTime();
        if (from.isBefore(to)) {
            return !local.isBefore(from) && local.isBefore(to);
        }
        return !local.isBefore(from) || local.isBefore(to);
    }
}
