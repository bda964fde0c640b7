package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Agent to controller, on {@code reports}: the plan version the station now holds. */
public record PlanAck(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        long planVersion) implements StationMessage {

    public static final String TYPE = "plan-ack";

    public PlanAck {
        Require.stationEnvelope(id, timestamp, station);
        Require.notNegative(planVersion, "planVersion");
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    @Override
    @JsonIgnore
    public Channel channel() {
        return Channel.REPORTS;
    }
}
