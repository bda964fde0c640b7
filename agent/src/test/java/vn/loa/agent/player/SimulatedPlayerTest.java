package vn.loa.agent.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.agent.timing.ExecutorTaskScheduler;
import vn.loa.protocol.NowPlaying;

class SimulatedPlayerTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T04:00:00Z");
    private final ScheduledExecutorService playerThread = Executors.newSingleThreadScheduledExecutor();
    private final SimulatedPlayer player = new SimulatedPlayer("demo-01", new ExecutorTaskScheduler(playerThread), clock);

    @AfterEach
    void stop() {
        player.close();
        playerThread.shutdownNow();
    }

    private static PlayRequest bulletin(String id, Duration duration) {
        return new PlayRequest("broadcast-" + id, id, "Bản tin " + id, duration);
    }

    @Test
    void playbackCompletesAfterItsDurationAndClearsNowPlaying() {
        CompletableFuture<PlaybackResult> result = player.play(bulletin("b1", Duration.ofMillis(200)));
        assertThat(player.nowPlaying()).contains(new NowPlaying("broadcast-b1", "b1", "Bản tin b1", clock.instant()));
        clock.advance(Duration.ofMillis(200));

        PlaybackResult done = result.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();

        assertThat(done.outcome()).isEqualTo(PlaybackResult.Outcome.COMPLETED);
        assertThat(Duration.between(done.startedAt(), done.endedAt())).isEqualTo(Duration.ofMillis(200));
        assertThat(player.nowPlaying()).isEmpty();
    }

    @Test
    void aNewBulletinInterruptsTheCurrentOne() {
        CompletableFuture<PlaybackResult> first = player.play(bulletin("b1", Duration.ofHours(1)));

        player.play(bulletin("emergency", Duration.ofHours(1)));

        assertThat(first).isCompletedWithValueMatching(r -> r.outcome() == PlaybackResult.Outcome.STOPPED);
        assertThat(player.nowPlaying()).hasValueSatisfying(now -> assertThat(now.bulletinId()).isEqualTo("emergency"));
    }

    @Test
    void stopEndsPlaybackAndCloseRefusesMore() {
        CompletableFuture<PlaybackResult> result = player.play(bulletin("b1", Duration.ofHours(1)));

        player.stop();

        assertThat(result).isCompletedWithValueMatching(r -> r.outcome() == PlaybackResult.Outcome.STOPPED);
        player.close();
        assertThat(player.play(bulletin("b2", Duration.ZERO))).isCompletedExceptionally();
    }
}
