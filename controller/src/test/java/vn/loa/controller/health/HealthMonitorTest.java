package vn.loa.controller.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.asrun.BroadcastRow;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.dispatch.PlanState;
import vn.loa.controller.status.StationState;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Severity;
import vn.loa.protocol.StationEvent;

/** The monitor over a real SQLite file, evaluated by hand with a controllable clock. */
class HealthMonitorTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final ApiJson json = new ApiJson(64 * 1024);
    private Database database;
    private AlertStore store;

    private final HealthSources online = new HealthSources() {
        @Override
        public Collection<StationState> stations() {
            return List.of(new StationState("st-1", Presence.ONLINE, clock.instant(), "birth", null, clock.instant(),
                    null, null, null, null, null, null, null, null));
        }

        @Override
        public Optional<PlanState> plan(String station) {
            return Optional.empty();
        }

        @Override
        public List<BroadcastRow> broadcasts(Instant from, Instant to) {
            return List.of();
        }
    };

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("loa.db"), clock);
        store = new AlertStore(database, clock, new AuditLog(database, clock, json.mapper()),
                new WebhookOutbox(database, json.mapper(), List.of()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private HealthMonitor monitor() {
        HealthMonitor monitor = new HealthMonitor(new HealthRules(ControllerConfig.Health.defaults(), online), store,
                clock, Runnable::run);
        monitor.load();
        return monitor;
    }

    private List<Alert> alerts(String state) {
        return store.list(new AlertFilter(state, null, null, null, null, 100));
    }

    @Test
    void aConditionOpensOneAlertWhileItHoldsAndResolvesItWhenItClears() {
        HealthMonitor monitor = monitor();
        monitor.applied(new StationEvent("e-1", clock.instant(), "st-1", "dead-air", Severity.FAULT, "silent"),
                clock.instant());
        monitor.evaluate();
        monitor.applied(new StationEvent("e-2", clock.instant(), "st-1", "dead-air", Severity.FAULT, "silent again"),
                clock.instant());
        clock.advance(Duration.ofMinutes(5));
        monitor.evaluate();
        assertThat(alerts(null)).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo("dead-air");
            assertThat(alert.state()).isEqualTo(Alert.OPEN);
        });
        assertThat(monitor.openCount(Rule.DEAD_AIR)).isEqualTo(1);
        assertThat(store.acknowledge(alerts(null).get(0).id(), "tech").orElseThrow().acknowledgedBy())
                .isEqualTo("tech");

        clock.advance(Duration.ofMinutes(10));
        monitor.evaluate();
        Alert resolved = alerts(Alert.RESOLVED).get(0);
        assertThat(resolved.resolvedAt()).isEqualTo(clock.instant());
        assertThat(resolved.acknowledgedBy()).isEqualTo("tech");
        assertThat(monitor.openCount(Rule.DEAD_AIR)).isZero();

        monitor.applied(new StationEvent("e-3", clock.instant(), "st-1", "dead-air", Severity.FAULT, "once more"),
                clock.instant());
        monitor.evaluate();
        assertThat(alerts(Alert.OPEN)).hasSize(1);
        assertThat(alerts(null)).hasSize(2);
    }

    @Test
    void alertsCarriedOverARestartAreNotResolvedUntilTheStationsHadTheirMinute() {
        store.open(new Condition("st-1", Rule.RELAY_FAULT, "board gone"), clock.instant());
        HealthMonitor restarted = monitor();
        assertThat(restarted.openCount(Rule.RELAY_FAULT)).isEqualTo(1);
        restarted.evaluate();
        clock.advance(HealthRules.RESTART_GRACE.minusSeconds(1));
        restarted.evaluate();
        assertThat(alerts(Alert.OPEN)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        restarted.evaluate();
        assertThat(alerts(Alert.OPEN)).isEmpty();
        assertThat(restarted.openCount(Rule.RELAY_FAULT)).isZero();
    }
}
