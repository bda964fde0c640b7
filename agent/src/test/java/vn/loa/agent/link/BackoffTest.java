package vn.loa.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration MIN = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(60);

    @Test
    void upperBoundDoublesEachRetryUntilTheCap() {
        Backoff highest = new Backoff(MIN, MAX, () -> 0.999999);

        assertThat(highest.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(highest.delay(1)).isEqualTo(Duration.ofMillis(1000));
        assertThat(highest.delay(2)).isEqualTo(Duration.ofMillis(2000));
        assertThat(highest.delay(3)).isEqualTo(Duration.ofMillis(4000));
        assertThat(highest.delay(6)).isEqualTo(Duration.ofMillis(32000));
        assertThat(highest.delay(7)).isEqualTo(MAX);
        assertThat(highest.delay(40)).isEqualTo(MAX);
        assertThat(highest.delay(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void lowerBoundIsHalfTheCeilingButNeverBelowTheMinimum() {
        Backoff lowest = new Backoff(MIN, MAX, () -> 0.0);

        assertThat(lowest.delay(0)).isEqualTo(MIN);
        assertThat(lowest.delay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(lowest.delay(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(lowest.delay(10)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterStaysWithinBoundsAndSpreadsOutEvenWhenCapped() {
        Random random = new Random(42);
        Backoff backoff = new Backoff(MIN, MAX, random::nextDouble);
        for (int retry = 0; retry < 20; retry++) {
            long ceiling = Math.min(MAX.toMillis(), MIN.toMillis() << retry);
            long floor = Math.max(MIN.toMillis(), ceiling / 2);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(retry).toMillis()).as("retry %d", retry).isBetween(floor, ceiling);
            }
        }
        Set<Long> cappedDelays = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            cappedDelays.add(backoff.delay(30).toMillis());
        }
        assertThat(cappedDelays).as("a fleet must not reconnect in lockstep").hasSizeGreaterThan(10);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(MAX, MIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(MIN, MAX).delay(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
