package vn.loa.controller.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Topics;

/**
 * A thousand stations in one JVM: {@link FleetStation}s spread over one small event-loop group
 * (two threads by default), each with its own SQLite file under the given folder and its own MQTT
 * connection.
 */
public final class Fleet implements AutoCloseable {
    /** Every fleet station also subscribes here, for the bare fan-out measured on the same connections. */
    /** Stations may read only their commands and the controller's status: the probe goes there (not retained). */
    public static final String PROBE_TOPIC = Topics.withDefaultRoot().controllerStatus();
    private static final int CONNECTS_IN_FLIGHT = 64;

    private final EventLoopGroup group;
    private final List<FleetStation> stations;
    private final FleetLoad load;

    private final FleetLogins logins;

    private Fleet(EventLoopGroup group, List<FleetStation> stations, FleetLoad load, FleetLogins logins) {
        this.logins = logins;
        this.group = group;
        this.stations = stations;
        this.load = load;
    }

    /** Where the event loops spend their time. */
    FleetLoad load() {
        return load;
    }

    /** Builds the stations (databases opened, playouts started); nothing connects yet. */
    public static Fleet create(List<String> stationIds, int threads, Path dataDir, Topics topics, Clock clock,
                               FleetObserver observer, FleetLogins logins) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        List<FleetStation> stations = new ArrayList<>(stationIds.size());
        FleetLoad load = new FleetLoad();
        try {
            Path standby = Files.createDirectories(dataDir).resolve("siren.wav");
            Files.write(standby, new byte[44]);
            for (String id : stationIds) {
                stations.add(new FleetStation(id, group.next(), dataDir.resolve(id), standby, topics, PROBE_TOPIC,
                        clock, observer, load, logins.passwordOf(id)));
            }
        } catch (IOException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new UncheckedIOException(e);
        }
        return new Fleet(group, stations, load, logins);
    }

    /** Connects every station, a few dozen at a time; returns once every birth is acknowledged by the broker. */
    public void connect(InetSocketAddress broker, Duration timeout)
            throws InterruptedException, TimeoutException, ExecutionException {
        FleetConnector.startAll(stations.size(), CONNECTS_IN_FLIGHT, i -> stations.get(i).connect(broker), timeout);
    }

    public int size() {
        return stations.size();
    }

    /** The fleet's event loops. */
    EventLoopGroup group() {
        return group;
    }

    /** Who the fleet logs in as. */
    public FleetLogins logins() {
        return logins;
    }

    /** A client on the fleet's group logged in as the controller, e.g. the publisher of the fan-out probe. */
    public CompletableFuture<FleetMqttClient> client(InetSocketAddress broker, FleetClientOptions options) {
        return FleetMqttClient.connect(group, broker, logins.asController(options), (topic, payload, nanos) -> { });
    }

    @Override
    public void close() {
        stations.forEach(FleetStation::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
