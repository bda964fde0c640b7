package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Agent to controller, on {@code reports}: proof of play for one broadcast. The agent keeps each
 * receipt in its outbox and re-sends it, with the same {@code id}, until a {@link ReceiptAck}
 * names it; the controller stores receipts by id, so a re-sent one changes nothing.
 * {@code zonesOn} are the relay channels that were switched on for it.
 */
public record Receipt(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        String broadcastId,
        String bulletinId,
        ReceiptState state,
        Instant plannedStart,
        Instant actualStart,
        Instant actualEnd,
        List<Integer> zonesOn,
        String reason) implements StationMessage {

    public static final String TYPE = "receipt";

    public Receipt {
        Require.stationEnvelope(id, timestamp, station);
        Require.text(broadcastId, "broadcastId", 200);
        Require.text(bulletinId, "bulletinId", 100);
        Require.present(state, "state");
        Require.present(plannedStart, "plannedStart");
        zonesOn = zonesOn == null ? List.of() : Require.list(zonesOn, "zonesOn", Zone.MAX_CHANNEL);
        for (int zone : zonesOn) {
            if (zone < 1 || zone > Zone.MAX_CHANNEL) {
                throw new IllegalArgumentException("field 'zonesOn' has channel " + zone + ", outside 1.." + Zone.MAX_CHANNEL);
            }
        }
        if (reason != null && reason.length() > 1000) {
            throw new IllegalArgumentException("field 'reason' is longer than 1000 characters");
        }
        if ((state == ReceiptState.STARTED || state == ReceiptState.FINISHED || state == ReceiptState.PARTLY_PLAYED)
                && actualStart == null) {
            throw new Require.MissingFieldException("actualStart");
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
        return Channel.REPORTS;
    }
}
