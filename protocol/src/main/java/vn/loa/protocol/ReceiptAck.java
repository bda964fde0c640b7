package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Controller to agent, on {@code commands}: these receipts are stored; drop them from the outbox. */
public record ReceiptAck(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        List<String> receiptIds) implements StationMessage {

    public static final String TYPE = "receipt-ack";
    public static final int MAX_IDS = 1000;

    public ReceiptAck {
        Require.stationEnvelope(id, timestamp, station);
        receiptIds = Require.list(receiptIds, "receiptIds", MAX_IDS);
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
