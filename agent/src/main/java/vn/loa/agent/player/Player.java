package vn.loa.agent.player;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import vn.loa.protocol.NowPlaying;

/**
 * A station's audio output (in the manner of openHAB's AudioSink): {@link #play} starts at once
 * and returns a future that completes when playback ends, however it ends. One bulletin plays at
 * a time; a new {@code play} interrupts the current one (its future completes
 * {@link PlaybackResult.Outcome#STOPPED}). Implementations are thread-safe; futures may complete
 * on the player's own thread, so what depends on them must hand work over quickly.
 */
public interface Player extends AutoCloseable {

    CompletableFuture<PlaybackResult> play(PlayRequest request);

    /** What is playing now, if anything. */
    Optional<NowPlaying> nowPlaying();

    /** Stops the current playback, if any; its future completes as {@link PlaybackResult.Outcome#STOPPED}. */
    void stop();

    /**
     * Whether {@link PlayRequest#offset()} is honoured (playback can begin in the middle of a file).
     * A player that cannot seek is only given requests with a zero offset.
     */
    default boolean canSeek() {
        return false;
    }

    /** Stops playback; later {@code play} calls fail. */
    @Override
    void close();
}
