package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Something that happened at a station: a fault, a recovery, a notice. {@code kind} is a short
 * machine-readable name (e.g. {@code relay-fault}); {@code detail} is for people.
 */
public record StationEvent(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        String kind,
        Severity severity,
        String detail) implements StationMessage {

    public static final String TYPE = "event";

    public StationEvent {
        Require.stationEnvelope(id, timestamp, station);
        Require.text(kind, "kind", 100);
        Require.present(severity, "severity");
        if (detail != null && detail.length() > 2000) {
            throw new IllegalArgumentException("field 'detail' is longer than 2000 characters");
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
        return Channel.EVENTS;
    }
}
