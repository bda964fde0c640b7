package vn.loa.controller.emergency;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.loa.controller.schedule.Targets;
import vn.loa.protocol.AudioRef;

/**
 * An emergency announcement as the controller keeps it: what plays ({@code audioSource}:
 * {@code standard:<key>}, {@code bulletin} or {@code upload}), how, where, until when it may still
 * begin, and who triggered or stopped it.
 */
public record Announcement(String id, String title, String bulletinId, String audioSource, AudioRef audio,
                           long durationMillis, int repeat, Integer riskLevel, long warmUpMillis, Targets targets,
                           EmergencyState state, String origin, Instant createdAt, String createdBy,
                           Instant triggeredAt, String triggeredBy, Instant validUntil, Instant stoppedAt,
                           String stoppedBy, Instant endedAt) {
    public Announcement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bulletinId, "bulletinId");
        Objects.requireNonNull(audioSource, "audioSource");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    Announcement triggered(Instant at, String by, Instant newValidUntil) {
        return new Announcement(id, title, bulletinId, audioSource, audio, durationMillis, repeat, riskLevel,
                warmUpMillis, targets, EmergencyState.ACTIVE, origin, createdAt, createdBy, at, by, newValidUntil, null,
                null, null);
    }

    Announcement stopped(Instant at, String by) {
        return new Announcement(id, title, bulletinId, audioSource, audio, durationMillis, repeat, riskLevel,
                warmUpMillis, targets, EmergencyState.STOPPED, origin, createdAt, createdBy, triggeredAt, triggeredBy,
                validUntil, at, by, endedAt);
    }

    Announcement ended(EmergencyState finalState, Instant at) {
        return new Announcement(id, title, bulletinId, audioSource, audio, durationMillis, repeat, riskLevel,
                warmUpMillis, targets, finalState, origin, createdAt, createdBy, triggeredAt, triggeredBy, validUntil,
                stoppedAt, stoppedBy, at);
    }

    /** How long every repetition lasts. */
    public Duration totalDuration() {
        return Duration.ofMillis(durationMillis).multipliedBy(repeat);
    }
}
