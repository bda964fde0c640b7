package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Controller to stations, on {@code {root}/emergencies} (and a station's {@code commands}): stop
 * this emergency announcement. A station playing it stops the audio, switches its zones off at
 * once (no hold) and returns to its plan; the broadcast is reported {@code partly-played}, or
 * {@code missed} when it had not begun. A station that has not received the announcement yet never
 * plays it. {@code stations} empty means every station. Idempotent.
 */
public record EmergencyStop(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String emergencyId,
        List<String> stations,
        String reason) implements Message {

    public static final String TYPE = "emergency-stop";

    public EmergencyStop {
        Require.text(id, "id", 100);
        Require.present(timestamp, "ts");
        EmergencyIds.require(emergencyId, "emergencyId");
        stations = stations == null ? List.of() : Require.list(stations, "stations", Emergency.MAX_TARGETS);
        stations.forEach(StationIds::require);
        if (reason != null && reason.length() > 300) {
            throw new IllegalArgumentException("field 'reason' is longer than 300 characters");
        }
    }

    /** Whether this stop is for that station. */
    public boolean concerns(String station) {
        return stations.isEmpty() || stations.contains(station);
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
