package vn.loa.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.agent.player.PlayRequest;
import vn.loa.agent.player.SimulatedPlayer;
import vn.loa.agent.relay.RelayBoard;
import vn.loa.agent.relay.SimulatedRelayBoard;
import vn.loa.agent.testutil.FakeSystemProbe;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.agent.timing.ExecutorTaskScheduler;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.NowPlaying;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Zone;

class HeartbeatFactoryTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T04:00:00Z");
    private final Instant startedAt = clock.instant();
    private final FakeSystemProbe probe = new FakeSystemProbe();
    private final SimulatedRelayBoard relays = new SimulatedRelayBoard("demo-01",
            List.of(new Zone(1, "Loa trung tâm"), new Zone(2, "Thôn Đông")));
    private final ScheduledExecutorService playerThread = Executors.newSingleThreadScheduledExecutor();
    private final SimulatedPlayer player = new SimulatedPlayer("demo-01", new ExecutorTaskScheduler(playerThread), clock);
    private final HeartbeatFactory factory = new HeartbeatFactory("demo-01", probe, relays, player, clock, startedAt);

    @AfterEach
    void stopPlayer() {
        player.close();
        playerThread.shutdownNow();
    }

    @Test
    void agentUptimeGrowsWithTheClock() {
        assertThat(factory.next().agentUptimeSeconds()).isZero();

        clock.advance(Duration.ofSeconds(90).plusMillis(999));
        Heartbeat later = factory.next();

        assertThat(later.agentUptimeSeconds()).isEqualTo(90);
        assertThat(later.timestamp()).isEqualTo(Instant.parse("2026-11-23T04:01:30.999Z"));
        assertThat(later.station()).isEqualTo("demo-01");
    }

    @Test
    void everyHeartbeatHasAFreshId() {
        assertThat(factory.next().id()).isNotEqualTo(factory.next().id());
    }

    @Test
    void readingsPassThroughAndUnknownOnesStayNull() {
        probe.reading(new SystemReading(3600L, 0.42, 512L * 1024 * 1024, null, 10_000_000_000L, null));

        Heartbeat heartbeat = factory.next();

        assertThat(heartbeat.osUptimeSeconds()).isEqualTo(3600L);
        assertThat(heartbeat.loadAverage()).isEqualTo(0.42);
        assertThat(heartbeat.memoryAvailableBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(heartbeat.memoryTotalBytes()).isNull();
        assertThat(heartbeat.diskFreeBytes()).isEqualTo(10_000_000_000L);
        assertThat(heartbeat.temperatureCelsius()).isNull();
        assertThat(heartbeat.playing()).isNull();
    }

    @Test
    void relaysReflectTheBoard() {
        assertThat(factory.next().relays())
                .containsExactly(new RelayChannelState(1, false), new RelayChannelState(2, false));

        relays.set(2, true);

        assertThat(factory.next().relays())
                .containsExactly(new RelayChannelState(1, false), new RelayChannelState(2, true));
    }

    @Test
    void faultedRelayBoardIsLeftOutOfTheHeartbeat() {
        RelayBoard faulted = new RelayBoard() {
            @Override
            public void set(int channel, boolean on) {
            }

            @Override
            public List<RelayChannelState> state() {
                return List.of(new RelayChannelState(1, true));
            }

            @Override
            public Optional<String> fault() {
                return Optional.of("lcus relay board on /dev/ttyUSB0: serial port is gone");
            }

            @Override
            public void allOff() {
            }

            @Override
            public void close() {
            }
        };

        Heartbeat heartbeat = new HeartbeatFactory("demo-01", probe, faulted, player, clock, startedAt).next();
        assertThat(heartbeat.relays()).isEmpty();
        assertThat(heartbeat.relayFault()).isNotBlank();
    }

    @Test
    void nowPlayingComesFromThePlayer() {
        player.play(new PlayRequest("b-7", "bulletin-42", "Dự báo thời tiết", Duration.ofHours(1)));

        assertThat(factory.next().playing())
                .isEqualTo(new NowPlaying("b-7", "bulletin-42", "Dự báo thời tiết", startedAt));
    }

    @Test
    void aFailingProbeLeavesHealthOutButStillGivesAHeartbeat() {
        probe.failWith(new IllegalStateException("sensor on fire"));

        Heartbeat heartbeat = factory.next();

        assertThat(heartbeat.osUptimeSeconds()).isNull();
        assertThat(heartbeat.memoryTotalBytes()).isNull();
        assertThat(heartbeat.relays()).hasSize(2);
    }
}
