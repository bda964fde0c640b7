package vn.loa.controller.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import vn.loa.protocol.Topics;

/**
 * A stand-in for the controller's publish and ingest paths, for the split of the figures: it
 * publishes an {@code emergency} to every station's {@code commands} topic, as the controller
 * does, and notes when each {@code zones-on} comes back on the stations' reports
 * topics. No HTTP, no database, no controller threads: what is left is broker, fleet and playout.
 */
final class DirectTrigger implements AutoCloseable {
    private static final MessageCodec CODEC = new MessageCodec(vn.loa.protocol.Plan.MAX_ENCODED_BYTES);
    private static final AudioRef SIREN = new AudioRef("/audio/" + "5".repeat(64), "5".repeat(64), 44, "wav");

    private final Topics topics;
    private final List<String> stations;
    private final FleetMqttClient client;
    /** Emergency id → station → nanoTime at which its zones-on reached this stand-in; filled on an event loop. */
    private final Map<String, Map<String, Long>> confirmed;

    private DirectTrigger(Topics topics, List<String> stations, FleetMqttClient client,
                          Map<String, Map<String, Long>> confirmed) {
        this.topics = topics;
        this.stations = List.copyOf(stations);
        this.client = client;
        this.confirmed = confirmed;
    }

    static DirectTrigger connect(Fleet fleet, InetSocketAddress broker, Topics topics, List<String> stations)
            throws Exception {
        Map<String, Map<String, Long>> confirmed = new ConcurrentHashMap<>();
        FleetMqttClient client = FleetMqttClient.connect(fleet.group(), broker,
                fleet.logins().asController(FleetClientOptions.of("bench-direct-trigger")), (topic, payload, nanos) -> {
                    if (CODEC.decode(payload) instanceof Decoded.Ok<Message> ok
                            && ok.message() instanceof EmergencyProgress progress
                            && progress.stage() == EmergencyStage.ZONES_ON) {
                        confirmed.computeIfAbsent(progress.emergencyId(), id -> new ConcurrentHashMap<>())
                                .putIfAbsent(progress.station(), nanos);
                    }
                }).get(10, TimeUnit.SECONDS);
        client.subscribe(topics.allStations(Channel.REPORTS)).get(10, TimeUnit.SECONDS);
        return new DirectTrigger(topics, stations, client, confirmed);
    }

    /** The emergency's encoded size, as each station receives it. */
    int encodedSize(String emergencyId) {
        return CODEC.encode(emergency(emergencyId, stations.get(0))).length;
    }

    /** Publishes the emergency to every station; returns the nanoTime just before the first publish. */
    long trigger(String emergencyId) {
        long sent = System.nanoTime();
        for (String station : stations) {
            client.publish(topics.station(station, Channel.COMMANDS), CODEC.encode(emergency(emergencyId, station)),
                    MqttQoS.AT_LEAST_ONCE, false);
        }
        return sent;
    }

    void stop(String emergencyId) {
        for (String station : stations) {
            client.publish(topics.station(station, Channel.COMMANDS), CODEC.encode(new EmergencyStop(MessageIds.next(),
                    Instant.now(), station, emergencyId, "benchmark round over")), MqttQoS.AT_LEAST_ONCE, false);
        }
    }

    /** Station → nanoTime at which its {@code zones-on} reached this stand-in controller. */
    Map<String, Long> confirmed(String emergencyId) {
        return confirmed.computeIfAbsent(emergencyId, id -> new ConcurrentHashMap<>());
    }

    private static Emergency emergency(String emergencyId, String station) {
        Instant now = Instant.now();
        return new Emergency(MessageIds.next(), now, station, emergencyId, "Còi báo động", "bl-std-siren", SIREN, 20_000,
                3, 4, now.plusSeconds(1800), 1000, List.of());
    }

    @Override
    public void close() {
        client.close();
    }
}
