package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Agent to controller, on {@code reports}: live confirmation of an emergency announcement, sent at
 * once (not through the receipt outbox: the receipts of the broadcast {@code emergency:<id>} are
 * the durable proof). {@code zonesOn}: the relay channels switched on.
 */
public record EmergencyProgress(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        String emergencyId,
        EmergencyStage stage,
        List<Integer> zonesOn) implements StationMessage {

    public static final String TYPE = "emergency-progress";

    public EmergencyProgress {
        Require.stationEnvelope(id, timestamp, station);
        EmergencyIds.require(emergencyId, "emergencyId");
        Require.present(stage, "stage");
        zonesOn = zonesOn == null ? List.of() : Require.list(zonesOn, "zonesOn", Zone.MAX_CHANNEL);
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
