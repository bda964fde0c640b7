package vn.loa.agent.playout;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.store.PlayoutJournal;
import vn.loa.agent.store.PlayoutRecord;
import vn.loa.agent.store.StoreException;
import vn.loa.protocol.PlannedBroadcast;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;

/**
 * What the playout has done with each broadcast, in memory and in the journal: every receipt is
 * written with the state it reports (journal and outbox in one transaction), then remembered,
 * then the outbox sender is woken. A failing disk is logged and playout goes on.
 *
 * <p>Thread: the playout thread only.
 */
final class PlayoutLedger {
    private static final Logger log = LoggerFactory.getLogger(PlayoutLedger.class);

    private final String station;
    private final PlayoutJournal journal;
    private final Receipts receipts;
    private final Runnable receiptsWritten;
    private final Map<String, PlayoutRecord> records = new HashMap<>();

    PlayoutLedger(String station, PlayoutJournal journal, Clock clock, Runnable receiptsWritten) {
        this.station = Objects.requireNonNull(station, "station");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.receipts = new Receipts(station, clock);
        this.receiptsWritten = Objects.requireNonNull(receiptsWritten, "receiptsWritten");
        this.records.putAll(journal.all());
    }

    /** Every broadcast begun or ended, by id: a broadcast in here is never begun again. */
    Map<String, PlayoutRecord> records() {
        return records;
    }

    /** Broadcasts whose audio had begun but that have no final receipt (cut by the last shutdown or crash). */
    List<PlayoutRecord> unfinished() {
        return records.values().stream().filter(r -> r.state() == PlayoutRecord.State.PLAYING).toList();
    }

    void started(PlannedBroadcast broadcast, Instant actualStart, List<Integer> zonesOn) {
        write(receipts.started(broadcast, actualStart, zonesOn));
    }

    /** The final receipt of a broadcast; {@code actualStart} and {@code actualEnd} are null when it never began. */
    void ended(PlannedBroadcast broadcast, ReceiptState state, Instant actualStart, Instant actualEnd,
               List<Integer> zonesOn, String reason) {
        log.info("station {} broadcast {} {}{}", station, broadcast.broadcastId(), wire(state),
                reason == null ? "" : ": " + reason);
        write(receipts.ended(broadcast, state, actualStart, actualEnd, zonesOn, reason));
    }

    /** A broadcast begun before a restart ends as partly played; its end is the clean shutdown, if there was one. */
    void cutByRestart(PlayoutRecord record, String reason) {
        log.info("station {} broadcast {} was cut by a restart: partly-played", station, record.broadcastId());
        write(receipts.ended(record, ReceiptState.PARTLY_PLAYED, record.interruptedAt(), reason));
    }

    /** A clean shutdown cut the broadcast playing at {@code at}. */
    void interrupted(String broadcastId, Instant at) {
        try {
            journal.interrupted(broadcastId, at);
        } catch (StoreException e) {
            log.warn("station {} cannot note that broadcast {} was cut: {}", station, broadcastId, e.getMessage());
        }
    }

    /** Forgets finished broadcasts planned before {@code before}. */
    void forgetDoneBefore(Instant before) {
        records.values().removeIf(r -> r.state() == PlayoutRecord.State.DONE && r.plannedStart().isBefore(before));
        try {
            journal.forgetDoneBefore(before);
        } catch (StoreException e) {
            log.warn("station {} cannot prune its playout journal: {}", station, e.getMessage());
        }
    }

    private void write(Receipt receipt) {
        boolean started = receipt.state() == ReceiptState.STARTED;
        try {
            if (started) {
                journal.started(receipt);
            } else {
                journal.finished(receipt);
            }
        } catch (StoreException e) {
            log.error("station {} cannot record its {} receipt for broadcast {}: {}", station, wire(receipt.state()),
                    receipt.broadcastId(), e.getMessage());
        }
        records.put(receipt.broadcastId(), new PlayoutRecord(receipt.broadcastId(), receipt.bulletinId(),
                receipt.plannedStart(), started ? PlayoutRecord.State.PLAYING : PlayoutRecord.State.DONE,
                receipt.actualStart(), receipt.zonesOn(), null));
        receiptsWritten.run();
    }

    static String wire(ReceiptState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
