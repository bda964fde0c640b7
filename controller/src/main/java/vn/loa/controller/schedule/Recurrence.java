package vn.loa.controller.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import vn.loa.controller.api.ApiException;

/**
 * When a schedule occurs: once at its start, or on an RFC 5545 RRULE (parsed by lib-recur)
 * anchored at its local start in Asia/Ho_Chi_Minh, up to an optional last local date.
 */
public final class Recurrence {
    private static final TimeZone VIETNAM = TimeZone.getTimeZone(BroadcastTime.ZONE);
    private static final int MAX_OCCURRENCES = 100_000;

    private final LocalDateTime start;
    private final RecurrenceRule rule;
    private final LocalDate until;

    private Recurrence(LocalDateTime start, RecurrenceRule rule, LocalDate until) {
        this.start = Objects.requireNonNull(start, "start");
        this.rule = rule;
        this.until = until;
    }

    public static Recurrence once(LocalDateTime start) {
        return new Recurrence(start, null, null);
    }

    /** A recurring schedule; an invalid rule is a 400 that names the problem. */
    public static Recurrence of(LocalDateTime start, String rrule, LocalDate until) {
        if (rrule == null) {
            return once(start);
        }
        String text = rrule.startsWith("RRULE:") ? rrule.substring("RRULE:".length()) : rrule;
        try {
            RecurrenceRule rule = new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
            return new Recurrence(start, rule, until);
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            throw ApiException.badRequest("invalid_rrule", "field 'rrule' is not a valid RFC 5545 rule ("
                    + text + "): " + e.getMessage());
        }
    }

    public boolean recurring() {
        return rule != null;
    }

    /** Occurrence starts within [from, to), in order. */
    public List<Instant> between(Instant from, Instant to) {
        Instant first = start.atZone(BroadcastTime.ZONE).toInstant();
        List<Instant> found = new ArrayList<>();
        if (rule == null) {
            if (!first.isBefore(from) && first.isBefore(to)) {
                found.add(first);
            }
            return found;
        }
        Instant last = until == null ? to
                : until.plusDays(1).atStartOfDay(BroadcastTime.ZONE).toInstant();
        RecurrenceRuleIterator iterator = rule.iterator(new DateTime(VIETNAM, start.getYear(),
                start.getMonthValue() - 1, start.getDayOfMonth(), start.getHour(), start.getMinute(),
                start.getSecond()));
        if (from.isAfter(first)) {
            iterator.fastForward(from.toEpochMilli());
        }
        while (iterator.hasNext() && found.size() < MAX_OCCURRENCES) {
            Instant occurrence = Instant.ofEpochMilli(iterator.nextMillis());
            if (!occurrence.isBefore(to) || !occurrence.isBefore(last)) {
                break;
            }
            if (!occurrence.isBefore(from)) {
                found.add(occurrence);
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return rule == null ? "once at " + start : rule + " from " + start + (until == null ? "" : " until " + until);
    }
}
