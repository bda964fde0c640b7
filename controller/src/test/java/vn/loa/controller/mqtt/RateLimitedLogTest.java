package vn.loa.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.controller.testutil.MutableClock;

class RateLimitedLogTest {
    @Test
    void eachKeyMayLogOncePerInterval() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
        RateLimitedLog log = new RateLimitedLog(clock, Duration.ofMinutes(1));
        assertThat(log.allow("st-1")).isTrue();
        assertThat(log.allow("st-1")).isFalse();
        assertThat(log.allow("st-2")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(log.allow("st-1")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(log.allow("st-1")).isTrue();
    }
}
