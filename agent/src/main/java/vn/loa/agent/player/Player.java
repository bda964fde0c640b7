package vn.loa.agent.player;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import vn.loa.protocol.NowPlaying;

/**
 * A station's audio output (in the manner of openHAB's AudioSink): {@link #play} starts at once
 * and returns a future that completes when playback ends, however it ends. One bulletin plays at
 * a time; a new {@code play} interrupts the current one. Implementations are thread-safe.
 */
public interface Player extends AutoCloseable {

    CompletableFuture<PlaybackResult> play(PlayRequest request);

    /** What is playing now, if anything. */
    Optional<NowPlaying> nowPlaying();

    /** Stops the current playback, if any; its future completes as {@link PlaybackResult.Outcome#STOPPED}. */
    void stop();

    /** Stops playback; later {@code play} calls fail. */
    @Override
    void close();
}
