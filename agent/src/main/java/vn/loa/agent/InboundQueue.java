package vn.loa.agent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work from the broker link's I/O thread to the agent's own thread without ever blocking
 * the I/O thread. At most {@code capacity} tasks wait; beyond that new ones are dropped with a
 * throttled log line (MQTT QoS 1 redelivery and the controller's retries cover real commands).
 */
final class InboundQueue {
    private static final Logger log = LoggerFactory.getLogger(InboundQueue.class);

    private final String station;
    private final Executor executor;
    private final int capacity;
    private final LogThrottle dropLog;
    private final AtomicInteger waiting = new AtomicInteger();

    InboundQueue(String station, Executor executor, int capacity, LogThrottle dropLog) {
        this.station = Objects.requireNonNull(station, "station");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.capacity = capacity;
        this.dropLog = Objects.requireNonNull(dropLog, "dropLog");
    }

    /** Never blocks, never throws. */
    void offer(String what, Runnable task) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            if (dropLog.allow()) {
                log.warn("station {} is too busy and dropped an incoming {} ({} waiting; {} more dropped since the last notice)",
                        station, what, capacity, dropLog.takeSuppressed());
            }
            return;
        }
        try {
            executor.execute(() -> {
                waiting.decrementAndGet();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("station {} failed to handle an incoming {}: {}", station, what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.decrementAndGet(); // shutting down
        }
    }
}
