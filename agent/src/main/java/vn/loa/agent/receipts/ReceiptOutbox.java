package vn.loa.agent.receipts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.link.BrokerLink;
import vn.loa.agent.link.LinkException;
import vn.loa.agent.store.OutboxEntry;
import vn.loa.agent.store.OutboxStore;
import vn.loa.agent.store.StoreException;
import vn.loa.agent.timing.TaskScheduler;

/**
 * Sends the receipts in the outbox to the controller (QoS 1, on the station's {@code reports}
 * topic) until a {@code receipt-ack} names them; then they are deleted and never sent again. A
 * receipt is sent as soon as it is written, again after every reconnect, and again every
 * {@code resendInterval} while unacknowledged; always the stored bytes, so the same id. At most
 * {@code window} publishes wait for the broker at a time (within Paho's in-flight limit), oldest
 * first; each one that completes lets the next go, so a backlog after an outage drains at the
 * broker's pace. Nothing is lost across restarts or outages: the outbox is the SQLite table.
 *
 * <p>Thread: all state belongs to the agent's thread ({@code thread}); {@link #wake()} and the
 * publish completions hand over to it.
 */
public final class ReceiptOutbox {
    private static final Logger log = LoggerFactory.getLogger(ReceiptOutbox.class);
    public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofSeconds(15);
    public static final int DEFAULT_WINDOW = 16;
    private static final int QOS = 1;
    /** How many of the oldest receipts one round looks at. */
    private static final int SCAN = 500;

    private final String station;
    private final OutboxStore store;
    private final BrokerLink link;
    private final String topic;
    private final TaskScheduler thread;
    private final Clock clock;
    private final Duration resendInterval;
    private final int window;
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, Instant> lastSent = new HashMap<>();
    private TaskScheduler.Cancellable ticker;
    private boolean pumpQueued; // guarded by this: coalesces wake() calls
    private boolean stopped;

    public ReceiptOutbox(String station, OutboxStore store, BrokerLink link, String topic, TaskScheduler thread,
                         Clock clock, Duration resendInterval, int window) {
        this.station = Objects.requireNonNull(station, "station");
        this.store = Objects.requireNonNull(store, "store");
        this.link = Objects.requireNonNull(link, "link");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.thread = Objects.requireNonNull(thread, "thread");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resendInterval = Objects.requireNonNull(resendInterval, "resendInterval");
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.window = window;
    }

    /** Starts the periodic re-send; on the agent thread. */
    public void start() {
        tick();
    }

    /** New receipts are in the outbox (any thread): send them soon. */
    public void wake() {
        synchronized (this) {
            if (pumpQueued) {
                return;
            }
            pumpQueued = true;
        }
        thread.execute(() -> {
            synchronized (this) {
                pumpQueued = false;
            }
            pump();
        });
    }

    /** After a (re)connect, on the agent thread: everything unacknowledged goes again. */
    public void reconnected() {
        lastSent.clear();
        pump();
    }

    /** The controller stored these receipts; on the agent thread. */
    public void acknowledged(List<String> receiptIds) {
        try {
            int removed = store.delete(receiptIds);
            log.debug("station {}: {} receipt(s) acknowledged, {} removed from the outbox", station, receiptIds.size(),
                    removed);
        } catch (StoreException e) {
            log.warn("station {} cannot remove acknowledged receipts: {}", station, e.getMessage());
            return;
        }
        receiptIds.forEach(lastSent::remove);
        pump();
    }

    /** On the agent thread. */
    public void stop() {
        stopped = true;
        if (ticker != null) {
            ticker.cancel();
        }
    }

    private void tick() {
        if (stopped) {
            return;
        }
        pump();
        ticker = thread.schedule(this::tick, resendInterval);
    }

    private void pump() {
        if (stopped || !link.isConnected() || inFlight.size() >= window) {
            return;
        }
        List<OutboxEntry> oldest;
        try {
            oldest = store.oldest(SCAN);
        } catch (StoreException e) {
            log.warn("station {} cannot read its outbox: {}", station, e.getMessage());
            return;
        }
        Instant now = clock.instant();
        for (OutboxEntry entry : oldest) {
            if (inFlight.size() >= window) {
                break;
            }
            String id = entry.receiptId();
            Instant sent = lastSent.get(id);
            if (inFlight.contains(id) || sent != null && now.isBefore(sent.plus(resendInterval))) {
                continue;
            }
            send(entry, sent != null);
        }
    }

    private void send(OutboxEntry entry, boolean again) {
        String id = entry.receiptId();
        inFlight.add(id);
        lastSent.put(id, clock.instant());
        CompletableFuture<Void> delivered = link.publish(topic, entry.payload(), QOS, false);
        if (again) {
            log.debug("station {} sends receipt {} for broadcast {} again", station, id, entry.broadcastId());
        }
        delivered.whenComplete((ignored, failure) -> thread.execute(() -> delivered(id, failure)));
    }

    private void delivered(String id, Throwable failure) {
        inFlight.remove(id);
        if (failure != null) {
            lastSent.remove(id); // goes again after the reconnect
            log.debug("station {} could not send receipt {}: {}", station, id, LinkException.describe(failure));
            return;
        }
        pump();
    }
}
