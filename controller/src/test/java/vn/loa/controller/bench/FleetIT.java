package vn.loa.controller.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.mqtt.EmbeddedBroker;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.Channel;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStage;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;
import vn.loa.protocol.Topics;

/** A small fleet on the real embedded broker plays an emergency with the real agent playout. */
class FleetIT {
    private static final Topics TOPICS = Topics.withDefaultRoot();
    private static final MessageCodec CODEC = new MessageCodec(1024 * 1024);

    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private Fleet fleet;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyTargetedStationSwitchesItsZonesOnReportsProgressAndStops() throws Exception {
        List<String> ids = List.of("st-1", "st-2", "st-3");
        FleetLogins logins = FleetLogins.generated(ids);
        broker = EmbeddedBroker.start("127.0.0.1", 0, 1024, 2 * 1024 * 1024, logins.access(TOPICS));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", broker.port());
        Map<String, Long> zonesOn = new ConcurrentHashMap<>();
        fleet = Fleet.create(ids, 2, dir, TOPICS, Clock.systemUTC(), new FleetObserver() {
            @Override
            public void probeReceived(byte[] payload, long receivedNanos) {
            }

            @Override
            public void emergencyArrived(String station, String emergencyId, long receivedNanos) {
            }

            @Override
            public void zonesOn(String station, String emergencyId, long nanos) {
                zonesOn.put(station, nanos);
            }
        }, logins);
        List<Message> reports = new CopyOnWriteArrayList<>();
        FleetMqttClient controller = FleetMqttClient.connect(group, address,
                logins.asController(FleetClientOptions.of("controller")),
                (topic, payload, nanos) -> {
                    if (CODEC.decode(payload) instanceof Decoded.Ok<Message> ok) {
                        reports.add(ok.message());
                    }
                }).get(10, TimeUnit.SECONDS);
        controller.subscribe(TOPICS.allStations(Channel.REPORTS)).get(5, TimeUnit.SECONDS);
        fleet.connect(address, Duration.ofSeconds(30));

        for (String station : List.of("st-1", "st-2")) {
            Emergency emergency = new Emergency(MessageIds.next(), Instant.now(), station, "em-fleet-1", "Thử còi",
                    "bl-siren", new AudioRef("/audio/" + "a".repeat(64), "a".repeat(64), 44, "wav"), 60_000, 1, 4,
                    Instant.now().plusSeconds(600), 50, station.equals("st-1") ? List.of() : List.of(1));
            controller.publish(TOPICS.station(station, Channel.COMMANDS), CODEC.encode(emergency),
                    MqttQoS.AT_LEAST_ONCE, false).get(5, TimeUnit.SECONDS);
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> zonesOn.keySet().equals(Set.of("st-1", "st-2")));
        await().atMost(10, TimeUnit.SECONDS).until(() -> progress(reports, EmergencyStage.ZONES_ON).size() == 2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> receipts(reports, ReceiptState.STARTED).size() == 2);

        for (String station : List.of("st-1", "st-2")) {
            controller.publish(TOPICS.station(station, Channel.COMMANDS), CODEC.encode(new EmergencyStop(
                    MessageIds.next(), Instant.now(), station, "em-fleet-1", "test over")), MqttQoS.AT_LEAST_ONCE,
                    false).get(5, TimeUnit.SECONDS);
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> receipts(reports, ReceiptState.PARTLY_PLAYED).size() == 2);
        assertThat(progress(reports, EmergencyStage.ZONES_ON)).extracting(EmergencyProgress::station)
                .containsExactlyInAnyOrder("st-1", "st-2");
        controller.close();
    }

    private static List<EmergencyProgress> progress(List<Message> reports, EmergencyStage stage) {
        return reports.stream().filter(m -> m instanceof EmergencyProgress p && p.stage() == stage)
                .map(m -> (EmergencyProgress) m).toList();
    }

    private static List<Receipt> receipts(List<Message> reports, ReceiptState state) {
        return reports.stream().filter(m -> m instanceof Receipt r && r.state() == state).map(m -> (Receipt) m).toList();
    }
}
