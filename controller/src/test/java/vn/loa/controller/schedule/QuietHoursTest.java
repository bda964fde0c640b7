package vn.loa.controller.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static boolean covers(QuietHours hours, String local) {
        return hours.covers(LocalDateTime.parse(local).atZone(BroadcastTime.ZONE).toInstant());
    }

    @Test
    void spanPastMidnightCoversLateEveningAndEarlyMorningLocalTime() {
        QuietHours night = new QuietHours(LocalTime.of(21, 30), LocalTime.of(5, 30));
        assertThat(covers(night, "2026-11-24T04:30")).isTrue();
        assertThat(covers(night, "2026-11-24T22:00")).isTrue();
        assertThat(covers(night, "2026-11-24T05:30")).isFalse();
        assertThat(covers(night, "2026-11-24T12:00")).isFalse();
    }

    @Test
    void spanWithinADay() {
        QuietHours noon = new QuietHours(LocalTime.of(11, 30), LocalTime.of(13, 30));
        assertThat(covers(noon, "2026-11-24T12:00")).isTrue();
        assertThat(covers(noon, "2026-11-24T13:30")).isFalse();
    }
}
