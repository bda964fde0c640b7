package vn.loa.controller.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import vn.loa.controller.api.ApiException;

class RecurrenceTest {
    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BroadcastTime.ZONE).toInstant();
    }

    @Test
    void weeklyRuleListsFourteenDaysInLocalTimeAcrossMidnightAndMonthEnd() {
        Recurrence weekly = Recurrence.of(LocalDateTime.parse("2026-11-29T23:50"), "FREQ=WEEKLY;BYDAY=SU,MO", null);
        Instant from = local("2026-11-28T00:00");
        assertThat(weekly.between(from, from.plus(java.time.Duration.ofDays(14)))).containsExactly(
                Instant.parse("2026-11-29T16:50:00Z"),
                Instant.parse("2026-11-30T16:50:00Z"),
                Instant.parse("2026-12-06T16:50:00Z"),
                Instant.parse("2026-12-07T16:50:00Z"));
    }

    @Test
    void earlyMorningLocalIsThePreviousDayInUtc() {
        Recurrence daily = Recurrence.of(LocalDateTime.parse("2026-12-31T05:30"), "FREQ=DAILY", null);
        assertThat(daily.between(local("2026-12-31T00:00"), local("2027-01-02T00:00"))).containsExactly(
                Instant.parse("2026-12-30T22:30:00Z"), Instant.parse("2026-12-31T22:30:00Z"));
        ZonedDateTime second = Instant.parse("2026-12-31T22:30:00Z").atZone(BroadcastTime.ZONE);
        assertThat(second.toLocalDate()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(second.getHour()).isEqualTo(5);
    }

    @Test
    void monthlyOnTheLastDayFollowsShortMonths() {
        Recurrence monthly = Recurrence.of(LocalDateTime.parse("2027-01-31T18:00"), "FREQ=MONTHLY;BYMONTHDAY=-1", null);
        assertThat(monthly.between(local("2027-01-01T00:00"), local("2027-04-01T00:00")))
                .extracting(instant -> instant.atZone(BroadcastTime.ZONE).toLocalDate().toString())
                .containsExactly("2027-01-31", "2027-02-28", "2027-03-31");
    }

    @Test
    void untilIsTheLastLocalDateIncluded() {
        Recurrence daily = Recurrence.of(LocalDateTime.parse("2026-11-24T06:00"), "FREQ=DAILY",
                LocalDate.parse("2026-11-26"));
        assertThat(daily.between(local("2026-11-20T00:00"), local("2026-12-31T00:00"))).hasSize(3);
    }

    @Test
    void countInTheRuleIsHonouredAfterFastForward() {
        Recurrence three = Recurrence.of(LocalDateTime.parse("2026-11-24T06:00"), "FREQ=DAILY;COUNT=3", null);
        assertThat(three.between(local("2026-11-25T00:00"), local("2026-12-31T00:00"))).containsExactly(
                local("2026-11-25T06:00"), local("2026-11-26T06:00"));
    }

    @Test
    void oneOffOccursOnceInsideTheWindowOnly() {
        Recurrence once = Recurrence.once(LocalDateTime.parse("2026-11-24T06:00"));
        assertThat(once.between(local("2026-11-24T00:00"), local("2026-11-25T00:00"))).containsExactly(
                local("2026-11-24T06:00"));
        assertThat(once.between(local("2026-11-24T06:00:01"), local("2026-11-25T00:00"))).isEmpty();
    }

    @Test
    void invalidRuleIsA400NamingTheProblem() {
        assertThatThrownBy(() -> Recurrence.of(LocalDateTime.parse("2026-11-24T06:00"), "FREQ=FORTNIGHTLY", null))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400))
                .hasMessageContaining("FREQ=FORTNIGHTLY");
    }
}
