package vn.loa.controller.asrun;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.dispatch.CommandPublisher;
import vn.loa.controller.store.Database;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptAck;

/**
 * Stores receipts by id (a re-sent one changes nothing) and acknowledges every one, stored now or
 * before, so the station can drop it from its outbox. Runs on the dispatch thread.
 */
public final class ReceiptService {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptService.class);

    private final Database database;
    private final Clock clock;
    private final CommandPublisher publisher;
    private final Executor thread;
    private final ReceiptRepository repository = new ReceiptRepository();
    private volatile java.util.function.Consumer<Receipt> onStored = receipt -> { };

    public ReceiptService(Database database, Clock clock, CommandPublisher publisher, Executor thread) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.thread = Objects.requireNonNull(thread, "thread");
    }

    /** Told of each receipt once it is stored (the first time only), on the dispatch thread: return at once. */
    public void onStored(java.util.function.Consumer<Receipt> listener) {
        this.onStored = Objects.requireNonNull(listener, "listener");
    }

    public void received(Receipt receipt, Instant receivedAt) {
        thread.execute(() -> {
            try {
                boolean stored = database.transaction(c -> repository.insert(c, receipt, receivedAt));
                if (stored) {
                    log(receipt);
                    onStored.accept(receipt);
                }
                publisher.publish(new ReceiptAck(MessageIds.next(), clock.instant(), receipt.station(),
                        List.of(receipt.id())));
            } catch (RuntimeException e) {
                LOG.error("Storing receipt {} of station {} failed; the station will send it again", receipt.id(),
                        receipt.station(), e);
            }
        });
    }

    /** Routine receipts at debug level (a province's stations send thousands a day); trouble louder. */
    private static void log(Receipt receipt) {
        String state = ReceiptRepository.wire(receipt.state());
        String reason = receipt.reason() == null ? "" : " (" + receipt.reason() + ")";
        switch (receipt.state()) {
            case MISSED, FAILED -> LOG.warn("Station {} reports broadcast {} {}{}", receipt.station(),
                    receipt.broadcastId(), state, reason);
            case PARTLY_PLAYED -> LOG.info("Station {} reports broadcast {} {}{}", receipt.station(),
                    receipt.broadcastId(), state, reason);
            default -> LOG.debug("Station {} reports broadcast {} {}{}", receipt.station(), receipt.broadcastId(),
                    state, reason);
        }
    }

    public List<StoredReceipt> between(Instant from, Instant to) {
        return database.read(c -> repository.between(c, from, to));
    }
}
