package vn.loa.agent.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import vn.loa.agent.relay.SimulatedRelayBoard;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Zone;

class PlayoutWatchdogTest {
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimulatedRelayBoard relays = new SimulatedRelayBoard("st-1", List.of(new Zone(1, "a"), new Zone(2, "b")));
    private final AtomicReference<Optional<Instant>> expected = new AtomicReference<>(Optional.empty());
    private final List<String> events = new ArrayList<>();
    private final PlayoutWatchdog watchdog = new PlayoutWatchdog("st-1", relays, expected::get, clock,
            Duration.ofSeconds(10), (kind, severity, detail) -> events.add(kind + ":" + severity));

    private boolean anyOn() {
        return relays.state().stream().anyMatch(RelayChannelState::on);
    }

    @Test
    void zonesOnWithThePlayoutOnTimeAreLeftAlone() {
        relays.set(1, true);
        expected.set(Optional.of(T0.plusSeconds(30)));
        clock.advance(Duration.ofSeconds(40));
        watchdog.check();
        assertThat(anyOn()).isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void stalledPlayoutHasEveryZoneSwitchedOffAndAFaultReportedOnce() {
        relays.set(1, true);
        relays.set(2, true);
        expected.set(Optional.of(T0.plusSeconds(30)));
        clock.advance(Duration.ofSeconds(41));
        watchdog.check();
        assertThat(anyOn()).isFalse();
        assertThat(events).containsExactly("playout-stalled:FAULT");
        relays.set(1, true);
        watchdog.check();
        assertThat(events).hasSize(1);
    }

    @Test
    void zonesOnWithNothingPendingAreSwitchedOffAfterTheGrace() {
        relays.set(2, true);
        watchdog.check();
        clock.advance(Duration.ofSeconds(10));
        watchdog.check();
        assertThat(anyOn()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        watchdog.check();
        assertThat(anyOn()).isFalse();
        assertThat(events).containsExactly("playout-stalled:FAULT");
    }

    @Test
    void nothingOnNothingToDo() {
        clock.advance(Duration.ofHours(1));
        watchdog.check();
        assertThat(events).isEmpty();
    }
}
