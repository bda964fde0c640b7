package vn.loa.controller.bench;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
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
 * Connects many fleet clients to one broker, a bounded number at a time (a broker handed a
 * thousand CONNECTs at once times some of them out), and subscribes each to its topics.
 */
public final class FleetConnector {
    private final EventLoopGroup group;
    private final InetSocketAddress broker;
    private final int inFlight;

    public FleetConnector(EventLoopGroup group, InetSocketAddress broker, int inFlight) {
        this.group = group;
        this.broker = broker;
        this.inFlight = inFlight;
    }

    /** What client {@code i} is: its options, its message handler, the topic filters it subscribes to. */
    public record Member(FleetClientOptions options, FleetMessageHandler handler, List<String> topics) {
    }

    /** Connects and subscribes {@code count} clients; returns them in order, or throws on the first failure. */
    public List<FleetMqttClient> connect(int count, IntFunction<Member> members, Duration timeout)
            throws InterruptedException, TimeoutException, ExecutionException {
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<FleetMqttClient>> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Member member = members.apply(i);
            permits.acquire();
            CompletableFuture<FleetMqttClient> client = FleetMqttClient.connect(group, broker, member.options(),
                    member.handler()).thenCompose(c -> subscribeAll(c, member.topics()));
            client.whenComplete((c, failure) -> permits.release());
            clients.add(client);
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return clients.stream().map(CompletableFuture::join).toList();
    }

    private static CompletableFuture<FleetMqttClient> subscribeAll(FleetMqttClient client, List<String> topics) {
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (String topic : topics) {
            all = all.thenCompose(ok -> client.subscribe(topic));
        }
        return all.thenApply(ok -> client);
    }
}
