package vn.loa.agent.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.link.BrokerLink;
import vn.loa.agent.link.LastWill;
import vn.loa.agent.link.LinkListener;
import vn.loa.agent.store.Database;
import vn.loa.agent.store.OutboxStore;
import vn.loa.agent.testutil.FakeBrokerLink;
import vn.loa.agent.testutil.ManualScheduler;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;

class ReceiptOutboxTest {
    private static final String REPORTS = "loa/v1/stations/demo-01/reports";
    private static final LastWill WILL = new LastWill("loa/v1/stations/demo-01/status", new byte[] {1}, 1, true);
    private static final LinkListener NOBODY = new LinkListener() {
        @Override
        public void messageArrived(String topic, byte[] payload) {
        }

        @Override
        public void connectionLost(Throwable cause) {
        }
    };

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T04:00:00Z");
    private final ManualScheduler agentThread = new ManualScheduler(clock);
    private final MessageCodec codec = new MessageCodec();
    private final List<Database> databases = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        databases.forEach(Database::close);
    }

    private OutboxStore store() {
        Database database = Database.openIn(dir, clock);
        databases.add(database);
        return new OutboxStore(database, codec);
    }

    private ReceiptOutbox outbox(OutboxStore store, BrokerLink link, int window) {
        ReceiptOutbox outbox = new ReceiptOutbox("demo-01", store, link, REPORTS, agentThread, clock,
                Duration.ofSeconds(15), window);
        outbox.start();
        return outbox;
    }

    private Receipt receipt(String id) {
        Instant start = Instant.parse("2026-11-23T03:00:00Z");
        return new Receipt(id, clock.instant(), "demo-01", "broadcast-" + id, "bulletin-1", ReceiptState.FINISHED, start,
                start, start.plusSeconds(30), List.of(1), null);
    }

    private static FakeBrokerLink connected() throws Exception {
        FakeBrokerLink link = new FakeBrokerLink();
        link.connect(WILL, NOBODY);
        return link;
    }

    private static List<String> sentIds(FakeBrokerLink link) {
        return link.published().stream().map(p -> p.message().id()).toList();
    }

    @Test
    void aReceiptGoesAtOnceAndEvery15sUntilAcknowledgedThenNeverAgain() throws Exception {
        FakeBrokerLink link = connected();
        OutboxStore store = store();
        ReceiptOutbox outbox = outbox(store, link, 16);

        store.add(receipt("r1"));
        outbox.wake();
        agentThread.runDue();
        assertThat(sentIds(link)).containsExactly("r1");
        FakeBrokerLink.Published first = link.published().get(0);
        assertThat(first.topic()).isEqualTo(REPORTS);
        assertThat(first.qos()).isEqualTo(1);
        assertThat(first.retained()).isFalse();

        agentThread.advance(Duration.ofSeconds(14));
        assertThat(sentIds(link)).hasSize(1);
        agentThread.advance(Duration.ofSeconds(1));
        assertThat(sentIds(link)).as("the same receipt, the same id").containsExactly("r1", "r1");
        assertThat(link.published().get(1).payload()).isEqualTo(first.payload());

        outbox.acknowledged(List.of("r1", "unknown-id"));
        agentThread.advance(Duration.ofMinutes(5));

        assertThat(sentIds(link)).containsExactly("r1", "r1");
        assertThat(store.size()).isZero();
    }

    @Test
    void nothingIsLostWhileDisconnectedAndEverythingGoesOldestFirstOnReconnect() throws Exception {
        FakeBrokerLink link = new FakeBrokerLink();
        OutboxStore store = store();
        ReceiptOutbox outbox = outbox(store, link, 16);
        for (String id : List.of("r1", "r2", "r3")) {
            store.add(receipt(id));
            outbox.wake();
        }
        agentThread.advance(Duration.ofMinutes(2));
        assertThat(link.published()).isEmpty();

        link.connect(WILL, NOBODY);
        outbox.reconnected();
        agentThread.runDue();

        assertThat(sentIds(link)).containsExactly("r1", "r2", "r3");
        link.dropLink();
        link.connect(WILL, NOBODY);
        outbox.reconnected();
        agentThread.runDue();
        assertThat(sentIds(link)).as("again after the reconnect, still unacknowledged")
                .containsExactly("r1", "r2", "r3", "r1", "r2", "r3");
    }

    @Test
    void theOutboxSurvivesARestartAndAnAcknowledgedReceiptDoesNot() throws Exception {
        OutboxStore before = store();
        before.add(receipt("r1"));
        databases.remove(0).close();

        FakeBrokerLink link = new FakeBrokerLink();
        OutboxStore after = store();
        ReceiptOutbox outbox = outbox(after, link, 16);
        link.connect(WILL, NOBODY);
        outbox.reconnected();
        agentThread.runDue();
        assertThat(sentIds(link)).containsExactly("r1");

        outbox.acknowledged(List.of("r1"));
        databases.remove(0).close();
        assertThat(store().size()).isZero();
    }

    @Test
    void atMostTheWindowWaitsForTheBrokerAndEachCompletionLetsTheNextGo() {
        HeldLink link = new HeldLink();
        OutboxStore store = store();
        ReceiptOutbox outbox = outbox(store, link, 2);
        for (String id : List.of("r1", "r2", "r3", "r4")) {
            store.add(receipt(id));
        }
        outbox.wake();
        agentThread.runDue();
        assertThat(link.pending).hasSize(2);

        link.pending.get(0).complete(null);
        agentThread.runDue();

        assertThat(link.pending).hasSize(3);
        agentThread.advance(Duration.ofSeconds(15));
        assertThat(link.pending).as("the two still waiting are not sent again on top").hasSize(3);
    }

    /** A link whose publishes wait until the test completes them. */
    private static final class HeldLink implements BrokerLink {
        final List<CompletableFuture<Void>> pending = new ArrayList<>();

        @Override
        public void connect(LastWill will, LinkListener listener) {
        }

        @Override
        public void subscribe(String filter, int qos) {
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
            CompletableFuture<Void> future = new CompletableFuture<>();
            pending.add(future);
            return future;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
