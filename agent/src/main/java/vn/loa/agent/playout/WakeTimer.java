package vn.loa.agent.playout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.loa.agent.timing.TaskScheduler;

/**
 * The playout's one timer. A wake-up further than 2 s away first fires 1 s early, and the playout
 * then arms it again from the clock: a clock step, or drift between the wall clock and the
 * scheduler's monotonic time, costs no accuracy at the instant that matters.
 *
 * <p>Thread: the playout thread only.
 */
final class WakeTimer {
    private static final Duration COARSE_LIMIT = Duration.ofSeconds(2);
    private static final Duration COARSE_EARLY = Duration.ofSeconds(1);

    private final TaskScheduler thread;
    private final Clock clock;
    private final Runnable task;
    private TaskScheduler.Cancellable pending;

    WakeTimer(TaskScheduler thread, Clock clock, Runnable task) {
        this.thread = Objects.requireNonNull(thread, "thread");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.task = Objects.requireNonNull(task, "task");
    }

    /** Replaces the wake-up with one at {@code at}; none if null. */
    void arm(Instant at) {
        cancel();
        if (at == null) {
            return;
        }
        Duration delay = Duration.between(clock.instant(), at);
        if (delay.compareTo(COARSE_LIMIT) > 0) {
            delay = delay.minus(COARSE_EARLY);
        }
        pending = thread.schedule(task, delay);
    }

    void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
