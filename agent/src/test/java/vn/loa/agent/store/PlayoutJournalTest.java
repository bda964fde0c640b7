package vn.loa.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.agent.testutil.Plans;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Plan;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;

class PlayoutJournalTest {
    private static final Instant START = Instant.parse("2026-11-23T04:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(START);
    private final MessageCodec codec = new MessageCodec(1024 * 1024);

    private Receipt receipt(String id, ReceiptState state, Instant actualStart) {
        return new Receipt(id, clock.instant(), "demo-01", "b1", "bulletin-1", state, START, actualStart, null,
                List.of(1, 2), null);
    }

    @Test
    void migrationsApplyOnceAndTheFileComesBackAsItWasLeft() {
        Plan plan = Plans.plan("demo-01", 7, START,
                Plans.normal("b1", START.plusSeconds(60), Duration.ofSeconds(30), TestAudio.of("a", 10).ref()));
        try (Database database = Database.openIn(dir, clock)) {
            new PlanStore(database, codec).save(plan, START);
            PlayoutJournal journal = new PlayoutJournal(database, new OutboxStore(database, codec));
            journal.started(receipt("r1", ReceiptState.STARTED, START.plusMillis(3)));
            journal.interrupted("b1", START.plusSeconds(20));
        }

        try (Database database = Database.openIn(dir, clock)) {
            assertThat(new PlanStore(database, codec).load()).contains(plan);
            PlayoutJournal journal = new PlayoutJournal(database, new OutboxStore(database, codec));
            assertThat(journal.all()).containsOnlyKeys("b1");
            PlayoutRecord record = journal.all().get("b1");
            assertThat(record.state()).isEqualTo(PlayoutRecord.State.PLAYING);
            assertThat(record.actualStart()).isEqualTo(START.plusMillis(3));
            assertThat(record.zonesOn()).containsExactly(1, 2);
            assertThat(record.interruptedAt()).isEqualTo(START.plusSeconds(20));
            assertThat(new OutboxStore(database, codec).oldest(10)).extracting(OutboxEntry::receiptId)
                    .containsExactly("r1");
        }
    }

    @Test
    void aFinalReceiptMarksTheBroadcastDoneAndOldDoneOnesAreForgotten() {
        try (Database database = Database.openIn(dir, clock)) {
            OutboxStore outbox = new OutboxStore(database, codec);
            PlayoutJournal journal = new PlayoutJournal(database, outbox);
            journal.started(receipt("r1", ReceiptState.STARTED, START));
            journal.finished(receipt("r2", ReceiptState.FINISHED, START));

            assertThat(journal.all().get("b1").state()).isEqualTo(PlayoutRecord.State.DONE);
            assertThat(outbox.size()).isEqualTo(2);

            assertThat(journal.forgetDoneBefore(START)).isZero();
            assertThat(journal.forgetDoneBefore(START.plusSeconds(1))).isEqualTo(1);
            assertThat(journal.all()).isEmpty();
            assertThat(outbox.size()).as("receipts stay until acknowledged").isEqualTo(2);
        }
    }
}
