package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Controller to agent, on {@code commands}: stop this emergency announcement. A station playing
 * it stops the audio, switches its zones off at once (no hold) and returns to its plan; the
 * broadcast is reported {@code partly-played}, or {@code missed} when it had not begun. A station
 * that receives the announcement after the stop never plays it. Idempotent.
 */
public record EmergencyStop(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        String emergencyId,
        String reason) implements StationMessage {

    public static final String TYPE = "emergency-stop";

    public EmergencyStop {
        Require.stationEnvelope(id, timestamp, station);
        EmergencyIds.require(emergencyId, "emergencyId");
        if (reason != null && reason.length() > 300) {
            throw new IllegalArgumentException("field 'reason' is longer than 300 characters");
        }
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
