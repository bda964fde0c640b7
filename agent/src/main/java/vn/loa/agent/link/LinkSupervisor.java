package vn.loa.agent.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one station's broker link up: connects in the background, and after a failed attempt or
 * a lost link tries again with {@link Backoff}. The first connect is retried like any other, as
 * the broker may simply not be up yet. Each loss and each recovery is logged once.
 *
 * <p>Thread: all state belongs to the agent's scheduler thread; {@link #start()} and
 * {@link #stop()} must run on it, and Paho's loss notification is handed over to it.
 */
public final class LinkSupervisor {
    private static final Logger log = LoggerFactory.getLogger(LinkSupervisor.class);
    private static final int MAX_RETRY_INDEX = 64;

    private enum State { IDLE, CONNECTED, WAITING, STOPPED }

    private final String station;
    private final String brokerUri;
    private final BrokerLink link;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final Supplier<LastWill> will;
    private final LinkListener inbound;
    private final Runnable onConnected;
    private final Duration watchPeriod;
    private final Clock clock;

    private volatile boolean stopRequested;
    private State state = State.IDLE;
    private int retryIndex;
    private boolean everConnected;
    private Instant downSince;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> watchdog;

    /**
     * @param will          called before every attempt: each connect registers a fresh last will
     * @param inbound       receives messages on the link's I/O thread: must hand them off at once
     * @param onConnected   runs on the scheduler after every successful connect (subscribe, announce)
     * @param watchPeriod   how often to check that a link believed up still is (a safety net)
     */
    public LinkSupervisor(String station, String brokerUri, BrokerLink link, ScheduledExecutorService scheduler,
                          Backoff backoff, Supplier<LastWill> will, LinkListener inbound, Runnable onConnected,
                          Duration watchPeriod, Clock clock) {
        this.station = Objects.requireNonNull(station, "station");
        this.brokerUri = Objects.requireNonNull(brokerUri, "brokerUri");
        this.link = Objects.requireNonNull(link, "link");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.will = Objects.requireNonNull(will, "will");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.onConnected = Objects.requireNonNull(onConnected, "onConnected");
        this.watchPeriod = Objects.requireNonNull(watchPeriod, "watchPeriod");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts connecting; on the scheduler thread. */
    public void start() {
        if (state != State.IDLE) {
            return;
        }
        state = State.WAITING;
        long periodMillis = Math.max(100, watchPeriod.toMillis());
        watchdog = scheduler.scheduleWithFixedDelay(this::watch, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        attempt();
    }

    /** From any thread: no further attempts, and failures from now on are expected (the owner is closing the link). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Stops trying; on the scheduler thread. Closing the link is the owner's job. */
    public void stop() {
        stopRequested = true;
        state = State.STOPPED;
        cancel(retry);
        cancel(watchdog);
    }

    private void attempt() {
        retry = null;
        if (state != State.WAITING || stopRequested) {
            return;
        }
        try {
            link.connect(will.get(), listener);
        } catch (LinkException | RuntimeException e) {
            if (!stopRequested) {
                failed(e);
            }
            return;
        }
        state = State.CONNECTED;
        retryIndex = 0;
        if (!everConnected) {
            log.info("station {} connected to the broker at {}", station, brokerUri);
        } else {
            log.info("station {} reconnected to the broker after {} offline", station,
                    seconds(Duration.between(downSince, clock.instant())));
        }
        everConnected = true;
        downSince = null;
        try {
            onConnected.run();
        } catch (RuntimeException e) {
            log.warn("station {} could not announce itself after connecting: {}", station, e.toString());
        }
    }

    private void failed(Exception e) {
        Duration delay = nextDelay();
        if (retryIndex == 1 && !everConnected) {
            log.warn("station {} cannot reach the broker at {}: {}; retrying in {}", station, brokerUri,
                    e.getMessage(), seconds(delay));
        } else {
            log.debug("station {} still cannot reach the broker at {}: {}; retrying in {}", station, brokerUri,
                    e.getMessage(), seconds(delay));
        }
        scheduleRetry(delay);
    }

    /** On the scheduler thread. */
    private void lost(Throwable cause) {
        if (state != State.CONNECTED || stopRequested || link.isConnected()) {
            return; // already handled, or news about a connection we have since replaced
        }
        state = State.WAITING;
        downSince = clock.instant();
        Duration delay = nextDelay();
        log.warn("station {} lost its link to the broker: {}; retrying in {}", station,
                LinkException.describe(cause), seconds(delay));
        scheduleRetry(delay);
    }

    private void watch() {
        if (state == State.CONNECTED && !link.isConnected()) {
            lost(new LinkException("the link went down without notice"));
        }
    }

    private Duration nextDelay() {
        Duration delay = backoff.delay(retryIndex);
        retryIndex = Math.min(retryIndex + 1, MAX_RETRY_INDEX);
        return delay;
    }

    private void scheduleRetry(Duration delay) {
        try {
            retry = scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            state = State.STOPPED; // the agent is shutting down
        }
    }

    private final LinkListener listener = new LinkListener() {
        @Override
        public void messageArrived(String topic, byte[] payload) {
            inbound.messageArrived(topic, payload);
        }

        @Override
        public void connectionLost(Throwable cause) {
            try {
                scheduler.execute(() -> lost(cause));
            } catch (RejectedExecutionException e) {
                // the agent is shutting down
            }
        }
    };

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    /** "2.0 s", or "250 ms" below a second. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
