package vn.loa.controller.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import vn.loa.protocol.BulletinClass;

/**
 * When and where a bulletin plays. {@code rrule} null: once. Times are local (Asia/Ho_Chi_Minh).
 * {@code replaces}: the schedule this one took the place of when it was edited (cancelled then), or null.
 */
public record Schedule(String id, String bulletinId, BulletinClass bulletinClass, LocalDateTime start, String rrule,
                       LocalDate until, Targets targets, String state, Instant createdAt, String createdBy,
                       Instant cancelledAt, String replaces) {
    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bulletinId, "bulletinId");
        Objects.requireNonNull(bulletinClass, "bulletinClass");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(state, "state");
    }

    /** A schedule that replaces none. */
    public Schedule(String id, String bulletinId, BulletinClass bulletinClass, LocalDateTime start, String rrule,
                    LocalDate until, Targets targets, String state, Instant createdAt, String createdBy,
                    Instant cancelledAt) {
        this(id, bulletinId, bulletinClass, start, rrule, until, targets, state, createdAt, createdBy, cancelledAt,
                null);
    }

    public boolean active() {
        return "active".equals(state);
    }

    public Recurrence recurrence() {
        return Recurrence.of(start, rrule, until);
    }
}
