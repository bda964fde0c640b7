package vn.loa.controller.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.loa.controller.asrun.BroadcastRow;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.dispatch.PlanState;
import vn.loa.controller.status.StationState;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Severity;
import vn.loa.protocol.StationEvent;

class HealthRulesTest {
    private static final String STATION = "st-1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final Map<String, StationState> states = new HashMap<>();
    private final Map<String, PlanState> plans = new HashMap<>();
    private final List<BroadcastRow> broadcasts = new ArrayList<>();
    private final HealthRules rules = new HealthRules(ControllerConfig.Health.defaults(), new HealthSources() {
        @Override
        public Collection<StationState> stations() {
            return states.values();
        }

        @Override
        public Optional<PlanState> plan(String station) {
            return Optional.ofNullable(plans.get(station));
        }

        @Override
        public List<BroadcastRow> broadcasts(Instant from, Instant to) {
            return broadcasts;
        }
    });

    HealthRulesTest() {
        online();
    }

    private void online() {
        states.put(STATION, state(Presence.ONLINE, "birth", clock.instant()));
    }

    private StationState state(Presence presence, String cause, Instant lastSeen) {
        return new StationState(STATION, presence, clock.instant(), cause, null, lastSeen, null, null, null, null,
                null, null, null, null);
    }

    private List<Rule> holding() {
        return rules.evaluate(clock.instant()).stream().map(Condition::rule).toList();
    }

    private Heartbeat heartbeat(Duration agentAhead, String relayFault, Long diskFree, Double temperature) {
        return new Heartbeat(UUID.randomUUID().toString(), clock.instant().plus(agentAhead), STATION, 100, null, null,
                null, null, diskFree, temperature, List.of(), null, relayFault);
    }

    private void event(String kind) {
        rules.observe(new StationEvent(UUID.randomUUID().toString(), clock.instant(), STATION, kind, Severity.WARNING,
                kind + " detail"), clock.instant());
    }

    @Test
    void offlineHoldsWhileAStationOnceSeenIsOffline() {
        assertThat(holding()).isEmpty();
        states.put(STATION, state(Presence.OFFLINE, "last will", clock.instant()));
        assertThat(holding()).containsExactly(Rule.OFFLINE);
        online();
        assertThat(holding()).isEmpty();
    }

    @Test
    void aStationNeverSeenIsNotOfflineAndARestartWaitsForItsGrace() {
        states.put(STATION, StationState.unknown(STATION));
        assertThat(holding()).isEmpty();
        states.put(STATION, state(Presence.OFFLINE, "controller restarted", clock.instant()));
        assertThat(holding()).isEmpty();
        clock.advance(HealthRules.RESTART_GRACE);
        assertThat(holding()).containsExactly(Rule.OFFLINE);
    }

    @Test
    void relayFaultFromAnEventOrHeartbeatClearsOnRecoveryOrACleanHeartbeat() {
        event("relay-fault");
        assertThat(holding()).containsExactly(Rule.RELAY_FAULT);
        event("relay-recovered");
        assertThat(holding()).isEmpty();
        rules.observe(heartbeat(Duration.ZERO, "serial port gone", null, null), clock.instant());
        assertThat(holding()).containsExactly(Rule.RELAY_FAULT);
        rules.observe(heartbeat(Duration.ZERO, null, null, null), clock.instant());
        assertThat(holding()).isEmpty();
    }

    @Test
    void deadAirAndAudioFaultHoldForTheConfiguredTime() {
        event("dead-air");
        event("audio-fault");
        assertThat(holding()).containsExactlyInAnyOrder(Rule.DEAD_AIR, Rule.AUDIO_FAULT);
        clock.advance(Duration.ofMinutes(9));
        assertThat(holding()).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(holding()).isEmpty();
    }

    @Test
    void clockSkewUsesTheMedianSoOneSlowDeliveryDoesNotCount() {
        for (int i = 0; i < 5; i++) {
            // one delivery 10 s late: the agent looks 10 s behind once
            Duration ahead = i == 2 ? Duration.ofSeconds(-10) : Duration.ofMillis(300);
            rules.observe(heartbeat(ahead, null, null, null), clock.instant());
            assertThat(holding()).isEmpty();
            clock.advance(Duration.ofSeconds(30));
        }
        for (int i = 0; i < 2; i++) {
            rules.observe(heartbeat(Duration.ofSeconds(5), null, null, null), clock.instant());
        }
        assertThat(holding()).isEmpty();
        rules.observe(heartbeat(Duration.ofSeconds(5), null, null, null), clock.instant());
        assertThat(rules.evaluate(clock.instant())).singleElement().satisfies(condition -> {
            assertThat(condition.rule()).isEqualTo(Rule.CLOCK_SKEW);
            assertThat(condition.detail()).contains("5000 ms ahead");
        });
    }

    @Test
    void diskAndTemperatureFollowTheLastHeartbeat() {
        rules.observe(heartbeat(Duration.ZERO, null, 100L * 1024 * 1024, 80.0), clock.instant());
        assertThat(holding()).containsExactlyInAnyOrder(Rule.DISK_LOW, Rule.TEMPERATURE_HIGH);
        rules.observe(heartbeat(Duration.ZERO, null, 5L * 1024 * 1024 * 1024, 45.0), clock.instant());
        assertThat(holding()).isEmpty();
    }

    @Test
    void aPlanNotAcknowledgedInTimeHoldsWhileTheStationIsOnline() {
        plans.put(STATION, new PlanState(STATION, 3, "hash", clock.instant(), 2, null));
        clock.advance(Duration.ofMinutes(9));
        assertThat(holding()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(holding()).containsExactly(Rule.PLAN_UNACKNOWLEDGED);
        plans.put(STATION, new PlanState(STATION, 3, "hash", clock.instant(), 3, clock.instant()));
        assertThat(holding()).isEmpty();
    }

    @Test
    void aMissedBroadcastHoldsWithinTheWindow() {
        Instant start = clock.instant().minus(Duration.ofMinutes(5));
        broadcasts.add(new BroadcastRow("b-1", STATION, "s-1", "bu-1", "news", start, start.plusSeconds(60),
                List.of(1), "missed", null, null, List.of(), "station offline"));
        assertThat(holding()).containsExactly(Rule.BROADCAST_MISSED);
        broadcasts.clear();
        clock.advance(Duration.ofSeconds(29));
        assertThat(holding()).containsExactly(Rule.BROADCAST_MISSED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(holding()).isEmpty();
    }
}
