package vn.loa.controller.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Starts many fleet connections, a bounded number at a time: a broker handed a thousand CONNECTs
 * at once times some of them out.
 */
public final class FleetConnector {
    private FleetConnector() {
    }

    /** Starts {@code count} things, at most {@code inFlight} at once; returns them in order, or throws on a failure. */
    public static <T> List<T> startAll(int count, int inFlight, IntFunction<CompletableFuture<T>> start,
                                       Duration timeout) throws InterruptedException, TimeoutException,
            ExecutionException {
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<T>> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            permits.acquire();
            CompletableFuture<T> one = start.apply(i);
            one.whenComplete((c, failure) -> permits.release());
            started.add(one);
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return started.stream().map(CompletableFuture::join).toList();
    }

    /** Connects one client and subscribes it to each topic in turn. */
    public static CompletableFuture<FleetMqttClient> connectAndSubscribe(CompletableFuture<FleetMqttClient> connecting,
                                                                         List<String> topics) {
        return connecting.thenCompose(client -> {
            CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
            for (String topic : topics) {
                all = all.thenCompose(ok -> client.subscribe(topic));
            }
            return all.thenApply(ok -> client);
        });
    }
}
