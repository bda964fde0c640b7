package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.loa.agent.testutil.MutableClock;

class InboundQueueTest {
    private final LogThrottle throttle = new LogThrottle(MutableClock.at("2026-11-23T04:00:00Z"), Duration.ofMinutes(1));

    @Test
    void dropsBeyondCapacityInsteadOfBlocking() {
        List<Runnable> parked = new ArrayList<>();
        InboundQueue queue = new InboundQueue("demo-01", parked::add, 3, throttle);
        AtomicInteger ran = new AtomicInteger();

        for (int i = 0; i < 10; i++) {
            queue.offer("command", ran::incrementAndGet);
        }
        assertThat(parked).hasSize(3);

        parked.forEach(Runnable::run);
        queue.offer("command", ran::incrementAndGet);

        assertThat(parked).hasSize(4);
        parked.get(3).run();
        assertThat(ran).hasValue(4);
    }

    @Test
    void aFailingTaskOrAStoppedExecutorNeverReachesTheCaller() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        List<Runnable> parked = new ArrayList<>();

        assertThatCode(() -> {
            new InboundQueue("demo-01", stopped, 3, throttle).offer("command", () -> { });
            InboundQueue queue = new InboundQueue("demo-01", parked::add, 3, throttle);
            queue.offer("command", () -> {
                throw new IllegalStateException("handler bug");
            });
            parked.get(0).run();
        }).doesNotThrowAnyException();
    }
}
