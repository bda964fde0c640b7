package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Controller to stations: play this emergency announcement now. Published once on
 * {@code {root}/emergencies}, which every station reads, naming the stations it is for (the broker
 * fans it out; nothing waits for plans); sent again on one station's {@code commands} topic, naming
 * only that station, when it comes back online while the announcement is still valid.
 *
 * <p>A station switches the zones on at once, holds them {@code warmUpMillis}, then plays the
 * audio {@code repeat} times, interrupting anything else (reported {@code partly-played}); quiet
 * hours do not apply. It reports {@link EmergencyProgress} ({@code received}, {@code zones-on}) at
 * once and receipts for the broadcast {@code emergency:<emergencyId>} as for any other. One that
 * arrives after {@code validUntil} is reported {@code missed}. Handling is idempotent: the same
 * {@code emergencyId} never plays twice at a station.
 *
 * @param durationMillis one play of the audio; the broadcast lasts {@code repeat} times as long
 * @param riskLevel      the disaster risk level 1-5 (Decision 18/2021/QĐ-TTg), or null
 */
public record Emergency(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String emergencyId,
        String title,
        String bulletinId,
        AudioRef audio,
        long durationMillis,
        int repeat,
        Integer riskLevel,
        Instant validUntil,
        long warmUpMillis,
        List<EmergencyTarget> targets) implements Message {

    public static final String TYPE = "emergency";
    /** The most stations one message names; a controller splits larger emergencies into several messages. */
    public static final int MAX_TARGETS = 2000;
    public static final int MAX_REPEAT = 20;
    public static final long MAX_WARM_UP_MILLIS = 30_000;

    public Emergency {
        Require.text(id, "id", 100);
        Require.present(timestamp, "ts");
        EmergencyIds.require(emergencyId, "emergencyId");
        if (title != null && title.length() > 300) {
            throw new IllegalArgumentException("field 'title' is longer than 300 characters");
        }
        Require.text(bulletinId, "bulletinId", 100);
        Require.present(audio, "audio");
        if (durationMillis < 1) {
            throw new IllegalArgumentException("field 'durationMillis' must be positive, got " + durationMillis);
        }
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new IllegalArgumentException("field 'repeat' must be 1.." + MAX_REPEAT + ", got " + repeat);
        }
        if (riskLevel != null && (riskLevel < 1 || riskLevel > 5)) {
            throw new IllegalArgumentException("field 'riskLevel' must be 1..5, got " + riskLevel);
        }
        Require.present(validUntil, "validUntil");
        if (warmUpMillis < 0 || warmUpMillis > MAX_WARM_UP_MILLIS) {
            throw new IllegalArgumentException("field 'warmUpMillis' must be 0.." + MAX_WARM_UP_MILLIS + ", got "
                    + warmUpMillis);
        }
        targets = Require.list(targets, "targets", MAX_TARGETS);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("field 'targets' must name at least one station");
        }
    }

    /** This station's part of the announcement, if it is one of the targets. */
    public Optional<EmergencyTarget> targetFor(String station) {
        return targets.stream().filter(target -> target.station().equals(station)).findFirst();
    }

    /** The same announcement for other targets (a fresh message id and timestamp). */
    public Emergency withTargets(String newId, Instant newTimestamp, List<EmergencyTarget> newTargets) {
        return new Emergency(newId, newTimestamp, emergencyId, title, bulletinId, audio, durationMillis, repeat,
                riskLevel, validUntil, warmUpMillis, newTargets);
    }

    /** How long the whole broadcast lasts: every repetition. */
    @JsonIgnore
    public Duration totalDuration() {
        return Duration.ofMillis(durationMillis).multipliedBy(repeat);
    }

    @JsonIgnore
    public String broadcastId() {
        return EmergencyIds.broadcastId(emergencyId);
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
