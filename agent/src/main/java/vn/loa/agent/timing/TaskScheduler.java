package vn.loa.agent.timing;

import java.time.Duration;

/**
 * The one thread of a stateful part (playout, player, audio downloads), as that part sees it:
 * tasks run one after the other, never at the same time. Production code wraps a single-thread
 * executor ({@link ExecutorTaskScheduler}); tests use a manual scheduler driven by a test clock.
 * Both methods may be called from any thread and never throw: once the scheduler is shut down,
 * new tasks are dropped.
 */
public interface TaskScheduler {

    /** Runs {@code task} on the scheduler's thread as soon as possible, after tasks already waiting. */
    void execute(Runnable task);

    /** Runs {@code task} on the scheduler's thread after {@code delay} (at once if zero or negative). */
    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduled task that may still be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Calls the task off if it has not started; does nothing otherwise. */
        void cancel();
    }
}
