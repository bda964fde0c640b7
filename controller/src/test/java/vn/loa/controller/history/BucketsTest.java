package vn.loa.controller.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import vn.loa.controller.schedule.BroadcastTime;
import org.junit.jupiter.api.Test;

class BucketsTest {
    private static final Instant FROM = Instant.parse("2026-11-23T03:17:41Z");

    private static Buckets over(Duration period) {
        return Buckets.of(FROM, FROM.plus(period), BroadcastTime.ZONE);
    }

    @Test
    void aDayIsCutIntoFiveMinuteBucketsAndNinetyTwoDaysIntoHalfDays() {
        assertThat(over(Duration.ofHours(24)).size()).isEqualTo(Duration.ofMinutes(5));
        assertThat(over(Duration.ofDays(7)).size()).isEqualTo(Duration.ofHours(1));
        assertThat(over(Duration.ofDays(92)).size()).isEqualTo(Duration.ofHours(12));
        assertThat(over(Duration.ofHours(1)).size()).isEqualTo(Duration.ofSeconds(15));
        assertThat(over(Duration.ofMinutes(5)).size()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void noPeriodUpToTheLongestHasMoreThanAboutThreeHundredBuckets() {
        for (long minutes = 1; minutes <= 92L * 24 * 60; minutes = minutes * 3 / 2 + 1) {
            Instant to = FROM.plus(Duration.ofMinutes(minutes));
            Buckets buckets = Buckets.of(FROM, to, BroadcastTime.ZONE);
            long count = buckets.indexOf(to.minusMillis(1)) - buckets.indexOf(FROM) + 1;
            assertThat(count).as("buckets over %d minutes", minutes).isBetween(1L, (long) Buckets.MAX_POINTS + 1);
        }
    }

    @Test
    void bucketsStartOnRoundLocalTimes() {
        Buckets halfDays = over(Duration.ofDays(92));
        Instant start = halfDays.start(halfDays.indexOf(FROM));
        assertThat(start.atZone(BroadcastTime.ZONE).toLocalTime()).isIn(LocalTime.MIDNIGHT, LocalTime.NOON);
        assertThat(start).isBeforeOrEqualTo(FROM).isAfter(FROM.minus(Duration.ofHours(12)));

        Buckets fiveMinutes = over(Duration.ofHours(24));
        Instant fiveStart = fiveMinutes.start(fiveMinutes.indexOf(FROM));
        assertThat(fiveStart).isEqualTo(Instant.parse("2026-11-23T03:15:00Z"));
        assertThat(fiveMinutes.indexOf(fiveStart)).isEqualTo(fiveMinutes.indexOf(FROM));
        assertThat(fiveMinutes.indexOf(fiveStart.minusMillis(1))).isEqualTo(fiveMinutes.indexOf(FROM) - 1);
    }
}
