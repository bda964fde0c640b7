package vn.loa.agent.playout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.loa.agent.store.PlayoutRecord;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.PlannedBroadcast;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;

/** Builds the station's receipts: a fresh id each, stamped by the station's clock. */
final class Receipts {
    private final String station;
    private final Clock clock;

    Receipts(String station, Clock clock) {
        this.station = Objects.requireNonNull(station, "station");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Receipt started(PlannedBroadcast broadcast, Instant actualStart, List<Integer> zonesOn) {
        return new Receipt(MessageIds.next(), clock.instant(), station, broadcast.broadcastId(), broadcast.bulletinId(),
                ReceiptState.STARTED, broadcast.start(), actualStart, null, zonesOn, null);
    }

    Receipt ended(PlannedBroadcast broadcast, ReceiptState state, Instant actualStart, Instant actualEnd,
                  List<Integer> zonesOn, String reason) {
        return new Receipt(MessageIds.next(), clock.instant(), station, broadcast.broadcastId(), broadcast.bulletinId(),
                state, broadcast.start(), actualStart, actualEnd, zonesOn, reason);
    }

    /** For a broadcast known only from the journal (no longer in the plan). */
    Receipt ended(PlayoutRecord record, ReceiptState state, Instant actualEnd, String reason) {
        return new Receipt(MessageIds.next(), clock.instant(), station, record.broadcastId(), record.bulletinId(),
                state, record.plannedStart(), record.actualStart(), actualEnd, record.zonesOn(), reason);
    }
}
