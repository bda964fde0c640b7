package vn.loa.agent.testutil;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import vn.loa.agent.timing.TaskScheduler;

/**
 * A {@link TaskScheduler} driven by the test: tasks wait until the test moves the {@link MutableClock}
 * with {@link #advance} (each task runs with the clock set to its due instant, in order) or calls
 * {@link #runDue}. Tasks run on the test's thread, one at a time, as on a real single thread.
 * Several parts may share one manual scheduler: they then interleave in time order.
 */
public final class ManualScheduler implements TaskScheduler {
    private final MutableClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparing((Task task) -> task.due).thenComparingLong(task -> task.sequence));
    private long sequence;
    private boolean running;

    private static final class Task {
        final Instant due;
        final long sequence;
        final Runnable body;
        volatile boolean cancelled;

        Task(Instant due, long sequence, Runnable body) {
            this.due = due;
            this.sequence = sequence;
            this.body = body;
        }
    }

    public ManualScheduler(MutableClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public MutableClock clock() {
        return clock;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(new Task(clock.instant(), sequence++, Objects.requireNonNull(task, "task")));
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        Task scheduled = new Task(clock.instant().plus(wait), sequence++, Objects.requireNonNull(task, "task"));
        tasks.add(scheduled);
        return () -> scheduled.cancelled = true;
    }

    /** Runs every task due by now, including those the tasks themselves schedule for now. */
    public void runDue() {
        advanceTo(clock.instant());
    }

    /** Moves the clock forward by {@code duration}, running each task at its due instant. */
    public void advance(Duration duration) {
        advanceTo(clock.instant().plus(duration));
    }

    /** Moves the clock to {@code target} (never back), running each task at its due instant. */
    public void advanceTo(Instant target) {
        synchronized (this) {
            if (running) {
                throw new IllegalStateException("advance called from inside a task");
            }
            running = true;
        }
        try {
            while (true) {
                Task next;
                synchronized (this) {
                    next = tasks.peek();
                    if (next == null || next.due.isAfter(target)) {
                        break;
                    }
                    tasks.poll();
                }
                if (next.due.isAfter(clock.instant())) {
                    clock.set(next.due);
                }
                if (!next.cancelled) {
                    next.body.run();
                }
            }
            if (target.isAfter(clock.instant())) {
                clock.set(target);
            }
        } finally {
            synchronized (this) {
                running = false;
            }
        }
    }

    /** How many tasks wait (cancelled ones included until their time comes). */
    public synchronized int waiting() {
        return (int) tasks.stream().filter(task -> !task.cancelled).count();
    }
}
