package vn.loa.agent.player;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.timing.TaskScheduler;
import vn.loa.protocol.NowPlaying;

/**
 * A player without a sound card: "plays" each request for its remaining duration on a timer, and
 * can seek (an offset just shortens it). Thread: the end of a playback runs on the injected
 * scheduler (the player's own thread); state is guarded by this object's lock, and futures are
 * completed outside it.
 */
public final class SimulatedPlayer implements Player {
    private static final Logger log = LoggerFactory.getLogger(SimulatedPlayer.class);

    private final String station;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private Playback current;
    private boolean closed;

    public SimulatedPlayer(String station, TaskScheduler scheduler, Clock clock) {
        this.station = Objects.requireNonNull(station, "station");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<PlaybackResult> play(PlayRequest request) {
        Objects.requireNonNull(request, "request");
        Playback interrupted;
        Playback playback;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the player of station " + station + " is closed"));
            }
            interrupted = current;
            playback = new Playback(request, clock.instant());
            current = playback;
            playback.end = scheduler.schedule(() -> finish(playback, PlaybackResult.Outcome.COMPLETED),
                    request.remaining());
        }
        if (interrupted != null) {
            interrupted.end.cancel();
            complete(interrupted, PlaybackResult.Outcome.STOPPED);
        }
        log.info("station {} plays bulletin {} ({} s{}, simulated audio)", station, request.bulletinId(),
                request.remaining().toSeconds(), request.offset().isZero() ? "" : " from " + request.offset().toSeconds() + " s");
        return playback.result;
    }

    @Override
    public synchronized Optional<NowPlaying> nowPlaying() {
        if (current == null) {
            return Optional.empty();
        }
        PlayRequest request = current.request;
        return Optional.of(new NowPlaying(request.broadcastId(), request.bulletinId(), request.title(), current.startedAt));
    }

    @Override
    public boolean canSeek() {
        return true;
    }

    @Override
    public void stop() {
        Playback stopped;
        synchronized (this) {
            stopped = current;
            current = null;
        }
        if (stopped != null) {
            stopped.end.cancel();
            complete(stopped, PlaybackResult.Outcome.STOPPED);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stop();
    }

    private void finish(Playback playback, PlaybackResult.Outcome outcome) {
        synchronized (this) {
            if (current != playback) {
                return; // stopped or replaced meanwhile
            }
            current = null;
        }
        complete(playback, outcome);
    }

    private void complete(Playback playback, PlaybackResult.Outcome outcome) {
        PlaybackResult result = new PlaybackResult(playback.request, playback.startedAt, clock.instant(), outcome);
        if (playback.result.complete(result)) {
            log.info("station {} {} bulletin {}", station,
                    outcome == PlaybackResult.Outcome.COMPLETED ? "finished" : "stopped", playback.request.bulletinId());
        }
    }

    private static final class Playback {
        final PlayRequest request;
        final Instant startedAt;
        final CompletableFuture<PlaybackResult> result = new CompletableFuture<>();
        TaskScheduler.Cancellable end;

        Playback(PlayRequest request, Instant startedAt) {
            this.request = request;
            this.startedAt = startedAt;
        }
    }
}
