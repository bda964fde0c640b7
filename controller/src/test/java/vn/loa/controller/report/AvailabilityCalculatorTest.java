package vn.loa.controller.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AvailabilityCalculatorTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final long HOUR = 3_600_000L;
    private static final LocalDate DAY1 = LocalDate.of(2026, 10, 1);
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private static Instant local(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    private static PresencePoint on(Instant at) {
        return new PresencePoint(at, true);
    }

    private static PresencePoint off(Instant at) {
        return new PresencePoint(at, false);
    }

    @Test
    void offlineAcrossMidnightIsSplitBetweenTheLocalDays() {
        List<PresencePoint> points = List.of(on(local(DAY1.minusDays(3), 8, 0)), off(local(DAY1, 22, 0)),
                on(local(DAY1.plusDays(1), 2, 30)));
        List<DayAvailability> days = AvailabilityCalculator.perDay(points, LONG_AGO, null, DAY1, DAY1.plusDays(2),
                LATER, ZONE);
        assertThat(days).hasSize(2);
        assertThat(days.get(0).observedMillis()).isEqualTo(24 * HOUR);
        assertThat(days.get(0).onlineMillis()).isEqualTo(22 * HOUR);
        assertThat(days.get(1).day()).isEqualTo(DAY1.plusDays(1));
        assertThat(days.get(1).onlineMillis()).isEqualTo(24 * HOUR - 150 * 60_000L);
        assertThat(days.get(0).availability()).isEqualTo(22.0 / 24);
    }

    @Test
    void aStationNothingWasEverHeardFromIsObservedButNeverOnline() {
        List<DayAvailability> days = AvailabilityCalculator.perDay(List.of(), LONG_AGO, null, DAY1, DAY1.plusDays(3),
                LATER, ZONE);
        assertThat(days).extracting(DayAvailability::observedMillis).containsOnly(24 * HOUR);
        assertThat(days).extracting(DayAvailability::onlineMillis).containsOnly(0L);
        assertThat(days).extracting(DayAvailability::availability).containsOnly(0.0);
    }

    @Test
    void timeBeforeRegistrationAfterRetirementAndInTheFutureIsNotObserved() {
        Instant registered = local(DAY1.plusDays(1), 12, 0);
        Instant retired = local(DAY1.plusDays(3), 6, 0);
        List<PresencePoint> points = List.of(on(local(DAY1.plusDays(1), 13, 0)));
        List<DayAvailability> days = AvailabilityCalculator.perDay(points, registered, retired, DAY1,
                DAY1.plusDays(5), LATER, ZONE);
        assertThat(days).extracting(DayAvailability::observedMillis)
                .containsExactly(0L, 12 * HOUR, 24 * HOUR, 6 * HOUR, 0L);
        assertThat(days).extracting(DayAvailability::onlineMillis)
                .containsExactly(0L, 11 * HOUR, 24 * HOUR, 6 * HOUR, 0L);
        assertThat(days.get(0).availability()).isNull();
        assertThat(days.get(4).availability()).isNull();

        Instant now = local(DAY1, 18, 0);
        List<DayAvailability> today = AvailabilityCalculator.perDay(List.of(on(local(DAY1, 6, 0))), LONG_AGO, null,
                DAY1, DAY1.plusDays(2), now, ZONE);
        assertThat(today).extracting(DayAvailability::observedMillis).containsExactly(18 * HOUR, 0L);
        assertThat(today).extracting(DayAvailability::onlineMillis).containsExactly(12 * HOUR, 0L);
    }

    @Test
    void repeatedPointsOfTheSameKindChangeNothing() {
        List<PresencePoint> points = List.of(on(local(DAY1, 1, 0)), on(local(DAY1, 2, 0)), off(local(DAY1, 3, 0)),
                off(local(DAY1, 4, 0)));
        List<DayAvailability> days = AvailabilityCalculator.perDay(points, LONG_AGO, null, DAY1, DAY1.plusDays(1),
                LATER, ZONE);
        assertThat(days.get(0).onlineMillis()).isEqualTo(2 * HOUR);
    }

    /** A year of random flapping for a station, against a minute-by-minute count. */
    @Test
    void aYearOfSyntheticHistoryMatchesAMinuteByMinuteCount() {
        Random random = new Random(7);
        LocalDate first = LocalDate.of(2025, 1, 1);
        LocalDate end = first.plusYears(1);
        Instant start = first.atStartOfDay(ZONE).toInstant();
        Instant registered = start.plus(Duration.ofDays(40)).plusSeconds(1234 * 60);
        List<PresencePoint> points = new ArrayList<>();
        Instant at = start.minus(Duration.ofHours(5));
        boolean online = true;
        while (at.isBefore(end.atStartOfDay(ZONE).toInstant())) {
            points.add(new PresencePoint(at, online));
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(online ? 3000 : 300)));
            online = !online;
        }
        long began = System.nanoTime();
        List<DayAvailability> days = AvailabilityCalculator.perDay(points, registered, null, first, end, LATER, ZONE);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(1));
        assertThat(days).hasSize(365);
        for (DayAvailability day : days) {
            long observed = 0;
            long up = 0;
            Instant dayStart = day.day().atStartOfDay(ZONE).toInstant();
            for (Instant minute = dayStart; minute.isBefore(dayStart.plus(Duration.ofDays(1)));
                 minute = minute.plusSeconds(60)) {
                if (!minute.isBefore(registered)) {
                    observed += 60_000;
                    up += onlineAt(points, minute) ? 60_000 : 0;
                }
            }
            assertThat(day.observedMillis()).as("observed on %s", day.day()).isEqualTo(observed);
            assertThat(day.onlineMillis()).as("online on %s", day.day()).isEqualTo(up);
        }
    }

    /** A province: 500 stations, each flapping a few times a day for a year, well within a second or two. */
    @Test
    void aProvinceYearIsComputedQuickly() {
        Random random = new Random(11);
        LocalDate first = LocalDate.of(2025, 1, 1);
        Instant end = first.plusYears(1).atStartOfDay(ZONE).toInstant();
        List<List<PresencePoint>> stations = new ArrayList<>();
        for (int station = 0; station < 500; station++) {
            List<PresencePoint> points = new ArrayList<>();
            boolean online = true;
            Instant at = first.atStartOfDay(ZONE).toInstant();
            while (at.isBefore(end)) {
                points.add(new PresencePoint(at, online));
                at = at.plusSeconds(60L + random.nextInt(online ? 36_000 : 3_600));
                online = !online;
            }
            stations.add(points);
        }
        long began = System.nanoTime();
        long online = 0;
        for (List<PresencePoint> points : stations) {
            for (DayAvailability day : AvailabilityCalculator.perDay(points, LONG_AGO, null, first, first.plusYears(1),
                    LATER, ZONE)) {
                online += day.onlineMillis();
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        assertThat(online).isBetween(500L * 200 * 24 * HOUR, 500L * 365 * 24 * HOUR);
    }

    private static boolean onlineAt(List<PresencePoint> points, Instant minute) {
        boolean online = false;
        for (PresencePoint point : points) {
            if (point.at().isAfter(minute)) {
                break;
            }
            online = point.online();
        }
        return online;
    }
}
