package vn.loa.controller.bench;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import vn.loa.agent.timing.TaskScheduler;

/**
 * A {@link TaskScheduler} that adds up the time its tasks run, so the benchmark can tell how much
 * of a round the playouts themselves take. Thread-safe.
 */
final class TimedScheduler implements TaskScheduler {
    private final TaskScheduler inner;
    private final LongAdder busyNanos;

    TimedScheduler(TaskScheduler inner, LongAdder busyNanos) {
        this.inner = inner;
        this.busyNanos = busyNanos;
    }

    @Override
    public void execute(Runnable task) {
        inner.execute(timed(task));
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        return inner.schedule(timed(task), delay);
    }

    private Runnable timed(Runnable task) {
        return () -> {
            long start = System.nanoTime();
            try {
                task.run();
            } finally {
                busyNanos.add(System.nanoTime() - start);
            }
        };
    }
}
