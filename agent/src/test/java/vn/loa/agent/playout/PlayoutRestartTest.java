package vn.loa.agent.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AfterReboot;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.player.PlayRequest;
import vn.loa.agent.player.PlaybackResult;
import vn.loa.agent.player.Player;
import vn.loa.agent.player.SimulatedPlayer;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.agent.testutil.PlayoutHarness;
import vn.loa.agent.testutil.Plans;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.agent.timing.TaskScheduler;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.NowPlaying;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;
import vn.loa.protocol.Zone;

/** What the playout does with a broadcast cut by a restart, and with what passed while it was down. */
class PlayoutRestartTest {
    private static final Instant T0 = Instant.parse("2026-11-23T04:00:00Z");
    private static final List<Zone> ZONES = List.of(new Zone(1, "Loa trung tâm"));
    private static final AudioRef NEWS = TestAudio.of("news", 1000).ref();
    private static final PlayoutSettings SKIP = PlayoutSettings.defaults();
    private static final PlayoutSettings RESUME = PlayoutSettings.defaults().withAfterReboot(AfterReboot.RESUME);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private PlayoutHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private void startWithOneMinuteBroadcastAt60s(PlayoutHarness newHarness, PlayoutSettings settings) {
        harness = newHarness;
        harness.audio().ready(NEWS.sha256(), dir.resolve("news"));
        harness.start(settings);
        harness.offer(Plans.plan(PlayoutHarness.STATION, 1, T0,
                Plans.broadcast("b1", at(60), Duration.ofSeconds(60), BulletinClass.NORMAL, List.of(1), NEWS)));
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private List<ReceiptState> states() {
        return harness.receiptsFor("b1").stream().map(Receipt::state).toList();
    }

    private Receipt last() {
        List<Receipt> receipts = harness.receiptsFor("b1");
        return receipts.get(receipts.size() - 1);
    }

    @Test
    void aBroadcastCutByACleanRestartIsSkippedAsPartlyPlayedAndNeverStartedTwice() {
        startWithOneMinuteBroadcastAt60s(new PlayoutHarness(dir, clock, ZONES), SKIP);
        harness.advanceTo(at(80));

        harness.restart(SKIP);
        harness.advanceTo(at(300));

        assertThat(states()).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        assertThat(last().reason()).isEqualTo("agent restarted");
        assertThat(last().actualStart()).isEqualTo(at(60));
        assertThat(last().actualEnd()).as("the clean shutdown").isEqualTo(at(80));
        assertThat(harness.player().nowPlaying()).isEmpty();
        assertThat(harness.relays().isOn(1)).isFalse();
    }

    @Test
    void afterACrashTheCutBroadcastIsPartlyPlayedWithoutAnEndItCannotKnow() {
        startWithOneMinuteBroadcastAt60s(new PlayoutHarness(dir, clock, ZONES), SKIP);
        harness.advanceTo(at(80));

        harness.crash(SKIP);
        harness.advanceTo(at(300));

        assertThat(states()).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        assertThat(last().reason()).isEqualTo("agent restarted");
        assertThat(last().actualEnd()).isNull();
    }

    @Test
    void resumeWithAPlayerThatSeeksPlaysTheRestFromWhereItWouldBeNow() {
        startWithOneMinuteBroadcastAt60s(new PlayoutHarness(dir, clock, ZONES), RESUME);
        harness.advanceTo(at(80));

        harness.restart(RESUME);
        harness.advanceTo(at(90));
        assertThat(harness.player().nowPlaying()).map(NowPlaying::startedAt).contains(at(83));
        harness.advanceTo(at(300));

        assertThat(states()).as("one started receipt, one final").containsExactly(ReceiptState.STARTED,
                ReceiptState.PARTLY_PLAYED);
        assertThat(last().reason()).isEqualTo("agent restarted; resumed 23 s into its audio");
        assertThat(last().actualStart()).isEqualTo(at(60));
        assertThat(last().actualEnd()).as("its planned end").isEqualTo(at(120));
    }

    @Test
    void resumeWithAPlayerThatCannotSeekPlaysItAgainFromTheStartWithinTheTolerance() {
        startWithOneMinuteBroadcastAt60s(new PlayoutHarness(dir, clock, ZONES, NonSeekingPlayer.factory(clock)), RESUME);
        harness.advanceTo(at(80));

        harness.restart(RESUME);
        harness.advanceTo(at(300));

        assertThat(states()).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(last().reason()).isEqualTo("played again from the beginning after an agent restart");
        assertThat(last().actualStart()).isEqualTo(at(83));
        assertThat(last().actualEnd()).isEqualTo(at(143));
    }

    @Test
    void resumeWithAPlayerThatCannotSeekSkipsItOncePastTheTolerance() {
        startWithOneMinuteBroadcastAt60s(new PlayoutHarness(dir, clock, ZONES, NonSeekingPlayer.factory(clock)), RESUME);
        harness.advanceTo(at(110));

        harness.crash(RESUME);
        clock.set(at(125));
        harness.restart(RESUME);
        harness.advanceTo(at(300));

        assertThat(states()).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        assertThat(last().reason()).isEqualTo("agent restarted");
    }

    @Test
    void broadcastsThatPassedWhileTheAgentWasDownAreMissed() {
        startWithOneMinuteBroadcastAt60s(new PlayoutHarness(dir, clock, ZONES), SKIP);
        harness.close();

        clock.set(at(600));
        harness.start(SKIP);

        assertThat(states()).containsExactly(ReceiptState.MISSED);
        assertThat(last().reason()).isEqualTo("the agent was not running at the planned start");
    }

    /** The simulated player, but unable to seek, as some real audio outputs are. */
    private record NonSeekingPlayer(Player player) implements Player {
        static Function<TaskScheduler, Player> factory(MutableClock clock) {
            return thread -> new NonSeekingPlayer(new SimulatedPlayer(PlayoutHarness.STATION, thread, clock));
        }

        @Override
        public CompletableFuture<PlaybackResult> play(PlayRequest request) {
            assertThat(request.offset()).as("a player that cannot seek is never asked to").isZero();
            return player.play(request);
        }

        @Override
        public Optional<NowPlaying> nowPlaying() {
            return player.nowPlaying();
        }

        @Override
        public void stop() {
            player.stop();
        }

        @Override
        public void close() {
            player.close();
        }
    }
}
