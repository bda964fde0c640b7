package vn.loa.controller.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;

/** The {@code receipt} event's data: what a station reported of a broadcast; {@code at}: when it reported it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReceiptEvent(String station, String broadcastId, String bulletinId, ReceiptState state, Instant at,
                           Instant plannedStart, Instant actualStart, Instant actualEnd, String reason) {
    public static ReceiptEvent of(Receipt receipt) {
        return new ReceiptEvent(receipt.station(), receipt.broadcastId(), receipt.bulletinId(), receipt.state(),
                receipt.timestamp(), receipt.plannedStart(), receipt.actualStart(), receipt.actualEnd(),
                receipt.reason());
    }
}
