package vn.loa.controller.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A station's online time per local day from its presence history. The station is observed from
 * the later of the period's start and its registration to the earliest of the period's end, its
 * retirement and now: time before registration, after retirement or in the future counts neither
 * as online nor as offline. Within that, it is online from an online point to the next offline point;
 * with no point before the period it starts offline (nothing ever said it was up). Linear in the
 * points and the days.
 */
public final class AvailabilityCalculator {
    private AvailabilityCalculator() {
    }

    /**
     * @param points      presence points sorted by time: the last one before {@code from} (if any) and
     *                    those in the period
     * @param registered  when the station was registered
     * @param retired     when it was retired, or null
     * @param days        the local days of the period, {@code [firstDay, endDay)}
     */
    public static List<DayAvailability> perDay(List<PresencePoint> points, Instant registered, Instant retired,
                                               LocalDate firstDay, LocalDate endDay, Instant now, ZoneId zone) {
        Instant start = later(firstDay.atStartOfDay(zone).toInstant(), registered);
        Instant end = earlier(earlier(endDay.atStartOfDay(zone).toInstant(), now), retired);
        List<Instant[]> online = onlineSpans(points, start, end);
        List<DayAvailability> days = new ArrayList<>();
        int span = 0;
        for (LocalDate day = firstDay; day.isBefore(endDay); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            long observed = overlap(start, end, dayStart, dayEnd);
            long up = 0;
            while (span < online.size() && !online.get(span)[1].isAfter(dayStart)) {
                span++;
            }
            for (int i = span; i < online.size() && online.get(i)[0].isBefore(dayEnd); i++) {
                up += overlap(online.get(i)[0], online.get(i)[1], dayStart, dayEnd);
            }
            days.add(DayAvailability.of(day, observed, up));
        }
        return days;
    }

    /** The online spans, clipped to {@code [start, end)}, in order and disjoint. */
    static List<Instant[]> onlineSpans(List<PresencePoint> points, Instant start, Instant end) {
        List<Instant[]> spans = new ArrayList<>();
        if (!end.isAfter(start)) {
            return spans;
        }
        Instant since = null;
        for (PresencePoint point : points) {
            if (point.online() && since == null) {
                since = point.at();
            } else if (!point.online() && since != null) {
                add(spans, since, point.at(), start, end);
                since = null;
            }
        }
        if (since != null) {
            add(spans, since, end, start, end);
        }
        return spans;
    }

    private static void add(List<Instant[]> spans, Instant from, Instant to, Instant start, Instant end) {
        Instant a = later(from, start);
        Instant b = earlier(to, end);
        if (b.isAfter(a)) {
            spans.add(new Instant[] {a, b});
        }
    }

    private static long overlap(Instant a, Instant b, Instant c, Instant d) {
        long from = Math.max(a.toEpochMilli(), c.toEpochMilli());
        long to = Math.min(b.toEpochMilli(), d.toEpochMilli());
        return Math.max(0, to - from);
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return b != null && b.isBefore(a) ? b : a;
    }
}
