package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.loa.agent.testutil.MutableClock;

class LogThrottleTest {
    @Test
    void letsOneLineThroughPerIntervalAndCountsTheRest() {
        MutableClock clock = MutableClock.at("2026-11-23T04:00:00Z");
        LogThrottle throttle = new LogThrottle(clock, Duration.ofMinutes(1));

        assertThat(throttle.allow()).isTrue();
        assertThat(throttle.takeSuppressed()).isZero();
        assertThat(throttle.allow()).isFalse();
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.allow()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.allow()).isTrue();
        assertThat(throttle.takeSuppressed()).isEqualTo(2);
        assertThat(throttle.takeSuppressed()).isZero();
    }
}
