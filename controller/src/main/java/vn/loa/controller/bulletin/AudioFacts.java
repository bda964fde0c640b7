package vn.loa.controller.bulletin;

import java.util.Objects;

/** What decoding an audio file established: its format and how long it plays. */
public record AudioFacts(BulletinFormat format, long durationMillis) {
    public AudioFacts {
        Objects.requireNonNull(format, "format");
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("durationMillis must be positive");
        }
    }
}
