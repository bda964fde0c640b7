package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Controller to agent, on {@code commands}: play this emergency announcement now. The controller
 * sends it straight to every station it is for (nothing waits for plans or downloads), and again
 * to a station that comes back online while the announcement is still valid.
 *
 * <p>The station switches its zones on at once, holds them {@code warmUpMillis}, then plays the
 * audio {@code repeat} times, interrupting anything else (reported {@code partly-played}); quiet
 * hours do not apply. It reports {@link EmergencyProgress} at once and receipts for the broadcast
 * {@code emergency:<emergencyId>} as for any other. One that arrives after {@code validUntil} is
 * reported {@code missed}. Handling is idempotent: the same {@code emergencyId} never plays twice
 * at a station (a restart while it is valid plays it again from the beginning).
 *
 * @param durationMillis one play of the audio; the broadcast lasts {@code repeat} times as long
 * @param riskLevel      the disaster risk level 1-5 (Decision 18/2021/QĐ-TTg), or null
 * @param zones          the relay channels; empty means every zone of the station
 */
public record Emergency(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        String emergencyId,
        String title,
        String bulletinId,
        AudioRef audio,
        long durationMillis,
        int repeat,
        Integer riskLevel,
        Instant validUntil,
        long warmUpMillis,
        List<Integer> zones) implements StationMessage {

    public static final String TYPE = "emergency";
    public static final int MAX_REPEAT = 20;
    public static final long MAX_WARM_UP_MILLIS = 30_000;

    public Emergency {
        Require.stationEnvelope(id, timestamp, station);
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
        zones = zones == null ? List.of() : Require.list(zones, "zones", Zone.MAX_CHANNEL);
        for (int zone : zones) {
            if (zone < 1 || zone > Zone.MAX_CHANNEL) {
                throw new IllegalArgumentException("field 'zones' has channel " + zone + ", outside 1.." + Zone.MAX_CHANNEL);
            }
        }
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

    @Override
    @JsonIgnore
    public Channel channel() {
        return Channel.COMMANDS;
    }
}
