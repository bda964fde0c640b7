package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Retained on the station's status topic: {@code online} published by the agent after connecting,
 * {@code offline} either published on a clean shutdown or delivered by the broker as the agent's
 * last will (then {@code ts} is the time of the connect that registered the will).
 */
public record StationStatus(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        Presence state) implements StationMessage {

    public static final String TYPE = "status";

    public StationStatus {
        Require.stationEnvelope(id, timestamp, station);
        Require.present(state, "state");
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    @Override
    @JsonIgnore
    public Channel channel() {
        return Channel.STATUS;
    }
}
