package vn.loa.agent;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one station, one per stateful part: the agent (link, announcements, inbound
 * messages, outbox), the player, the playout and the audio downloads; plus the HTTP client's
 * small pool. All daemon threads named after the station, so a thread dump reads by itself.
 */
final class StationThreads {
    final ScheduledExecutorService agent;
    final ScheduledExecutorService player;
    final ScheduledExecutorService playout;
    final ScheduledExecutorService audio;
    final ExecutorService http;

    StationThreads(String station) {
        this.agent = single("loa-agent-" + station);
        this.player = single("loa-player-" + station);
        this.playout = single("loa-playout-" + station);
        this.audio = single("loa-audio-" + station);
        AtomicInteger count = new AtomicInteger();
        this.http = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loa-http-" + station + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lets the playout finish what is queued (its shutdown task), then stops it; bounded. */
    void drainPlayout() {
        playout.shutdown();
        await(playout);
    }

    /** Interrupts whatever still runs (a download waiting for data) and waits, bounded. */
    void stopAll() {
        for (ExecutorService executor : List.of(audio, agent, player, playout, http)) {
            executor.shutdownNow();
        }
        for (ExecutorService executor : List.of(audio, agent, player, playout, http)) {
            await(executor);
        }
    }

    private static void await(ExecutorService executor) {
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ScheduledExecutorService single(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }
}
