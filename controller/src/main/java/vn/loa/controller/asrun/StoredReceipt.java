package vn.loa.controller.asrun;

import java.time.Instant;
import java.util.List;
import vn.loa.protocol.ReceiptState;

/** A receipt as stored: what the station said happened to one broadcast. */
public record StoredReceipt(String id, String stationId, String broadcastId, String bulletinId, ReceiptState state,
                            Instant plannedStart, Instant actualStart, Instant actualEnd, List<Integer> zonesOn,
                            String reason, Instant sentAt, Instant receivedAt) {
    public StoredReceipt {
        zonesOn = zonesOn == null ? List.of() : List.copyOf(zonesOn);
    }
}
