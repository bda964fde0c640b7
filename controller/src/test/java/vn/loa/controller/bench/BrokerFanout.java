package vn.loa.controller.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.loa.controller.mqtt.EmbeddedBroker;

/**
 * The bare broker's fan-out alone: the embedded Moquette as the controller configures it, N fleet
 * clients on one 2-thread event-loop group subscribed to one topic, one publisher. Runs without
 * JUnit too: {@code main [receivers [rounds]]} prints the figures.
 */
public final class BrokerFanout {
    /** As the controller's default embedded broker: 20,000-message session queues, 2 MiB packets. */
    static final int SESSION_QUEUE = 20_000;
    static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
    static final int WARM_UP_ROUNDS = 5;
    static final Duration GAP = Duration.ofMillis(300);
    static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);

    /** The bare broker's clients are no stations: they all log in as the controller, which may use any topic. */
    private static final FleetLogins LOGINS = FleetLogins.generated(List.of());

    private BrokerFanout() {
    }

    /** Measures {@code rounds} fan-outs (after the warm-up) to {@code receivers} clients. */
    public static Latencies measure(int receivers, int rounds)
            throws InterruptedException, TimeoutException, ExecutionException {
        EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, SESSION_QUEUE, MAX_MESSAGE_BYTES,
                LOGINS.access(vn.loa.protocol.Topics.withDefaultRoot()));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", broker.port());
            return measure(group, address, receivers, rounds);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            broker.close();
        }
    }

    /** Measures on a running broker with fresh clients of the given group. */
    public static Latencies measure(EventLoopGroup group, InetSocketAddress broker, int receivers, int rounds)
            throws InterruptedException, TimeoutException, ExecutionException {
        FanoutProbe probe = new FanoutProbe("bench/fanout", receivers, WARM_UP_ROUNDS + rounds,
                FanoutProbe.HEADER_BYTES);
        List<FleetMqttClient> clients = FleetConnector.startAll(receivers, 64,
                i -> FleetConnector.connectAndSubscribe(FleetMqttClient.connect(group, broker,
                        LOGINS.asController(FleetClientOptions.of("fanout-" + i)), (topic, payload, nanos) -> probe.received(payload, nanos)),
                        List.of(probe.topic())), Duration.ofSeconds(60));
        FleetMqttClient publisher = FleetMqttClient.connect(group, broker,
                LOGINS.asController(FleetClientOptions.of("fanout-publisher")),
                (topic, payload, nanos) -> { }).get(10, TimeUnit.SECONDS);
        try {
            return probe.run(publisher, WARM_UP_ROUNDS, GAP, ROUND_TIMEOUT);
        } finally {
            publisher.close();
            clients.forEach(FleetMqttClient::close);
        }
    }

    public static void main(String[] args) throws Exception {
        int receivers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Latencies fanout = measure(receivers, rounds);
        System.out.printf("bare broker fan-out, %d subscribers, %d rounds: %s%n", receivers, rounds, fanout.summary());
    }
}
