package vn.loa.controller.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import vn.loa.protocol.BulletinClass;

/** When and where a bulletin plays. {@code rrule} null: once. Times are local (Asia/Ho_Chi_Minh). */
public record Schedule(String id, String bulletinId, BulletinClass bulletinClass, LocalDateTime start, String rrule,
                       LocalDate until, Targets targets, String state, Instant createdAt, String createdBy,
                       Instant cancelledAt) {
    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bulletinId, "bulletinId");
        Objects.requireNonNull(bulletinClass, "bulletinClass");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(state, "state");
    }

    public boolean active() {
        return "active".equals(state);
    }

    public Recurrence recurrence() {
        return Recurrence.of(start, rrule, until);
    }
}
