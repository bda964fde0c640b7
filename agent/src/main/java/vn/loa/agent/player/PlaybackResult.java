package vn.loa.agent.player;

import java.time.Instant;
import java.util.Objects;

/** How a playback ended: the basis of the proof-of-play receipt. */
public record PlaybackResult(PlayRequest request, Instant startedAt, Instant endedAt, Outcome outcome) {

    public enum Outcome {
        /** Played to the end. */
        COMPLETED,
        /** Cut short: stopped, interrupted by another bulletin, or the player closed. */
        STOPPED
    }

    public PlaybackResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
    }
}
