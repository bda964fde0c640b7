package vn.loa.agent.timing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TaskScheduler} on a single-thread {@link ScheduledExecutorService}. Delays are kept in
 * nanoseconds, so a start is not rounded to the millisecond. A task that throws is logged and
 * does not stop later ones.
 */
public final class ExecutorTaskScheduler implements TaskScheduler {
    private static final Logger log = LoggerFactory.getLogger(ExecutorTaskScheduler.class);

    private final ScheduledExecutorService executor;

    public ExecutorTaskScheduler(ScheduledExecutorService executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("task dropped: the scheduler is shut down");
        }
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        long nanos = Math.max(0, saturatedNanos(Objects.requireNonNull(delay, "delay")));
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), nanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            log.debug("task dropped: the scheduler is shut down");
            return () -> { };
        }
    }

    private static long saturatedNanos(Duration delay) {
        try {
            return delay.toNanos();
        } catch (ArithmeticException e) {
            return delay.isNegative() ? 0 : Long.MAX_VALUE / 2;
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("a scheduled task failed: {}", e.toString(), e);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Error e) {
                // e.g. a serial library whose native part cannot load: say so instead of the executor swallowing it
                log.error("a scheduled task failed with an error: {}", e.toString(), e);
            }
        };
    }
}
