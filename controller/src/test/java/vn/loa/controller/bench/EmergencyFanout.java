package vn.loa.controller.bench;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import vn.loa.controller.mqtt.EmbeddedBroker;
import vn.loa.protocol.Topics;

/**
 * The emergency fan-out benchmark's runs, without JUnit: a fleet of stations on one broker, then,
 * on the same connections, the direct path (a stand-in controller publishes the emergency and
 * reads the zones-on back) and the bare broker fan-out, with a probe message as large as the
 * emergency and with a 12-byte one. Figures are keyed by what they measure, in order.
 */
public final class EmergencyFanout {
    static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);
    static final Duration PROBE_GAP = Duration.ofMillis(300);

    /** How big a run is; {@code settle}: the pause after each stop, so its receipts are through before the next round. */
    public record Settings(int stations, int rounds, int warmUpRounds, int fleetThreads, Duration settle) {
        public static Settings of(int stations, int rounds) {
            return new Settings(stations, rounds, 3, 2, Duration.ofSeconds(2));
        }
    }

    private final Settings settings;
    private final Fleet fleet;
    private final EmergencyTimeline timeline;
    private final InetSocketAddress broker;
    private final Topics topics;
    private final List<String> stations;
    private final Map<String, Latencies> figures = new LinkedHashMap<>();
    private int emergencyBytes;

    EmergencyFanout(Settings settings, Fleet fleet, EmergencyTimeline timeline, InetSocketAddress broker, Topics topics,
                    List<String> stations) {
        this.settings = settings;
        this.fleet = fleet;
        this.timeline = timeline;
        this.broker = broker;
        this.topics = topics;
        this.stations = stations;
    }

    Map<String, Latencies> figures() {
        return figures;
    }

    int emergencyBytes() {
        return emergencyBytes;
    }

    /** The direct path: publish → station received, → station zones-on, → zones-on back at the publisher. */
    void measureDirectPath(String tag) throws Exception {
        RoundFigures arrived = new RoundFigures();
        RoundFigures zonesOn = new RoundFigures();
        RoundFigures confirmed = new RoundFigures();
        try (DirectTrigger trigger = DirectTrigger.connect(fleet, broker, topics, stations)) {
            emergencyBytes = trigger.encodedSize("probe-size");
            for (int round = 0; round < settings.warmUpRounds() + settings.rounds(); round++) {
                String emergencyId = "bench-direct-" + tag + "-" + round;
                long sent = trigger.trigger(emergencyId);
                EmergencyTimeline.Round seen = timeline.awaitZonesOn(emergencyId, ROUND_TIMEOUT);
                Map<String, Long> back = trigger.confirmed(emergencyId);
                await().atMost(ROUND_TIMEOUT).pollInterval(5, TimeUnit.MILLISECONDS)
                        .until(() -> back.size() == stations.size());
                trigger.stop(emergencyId);
                pace(settings.settle());
                if (round >= settings.warmUpRounds()) {
                    arrived.add(sent, seen.arrived(), stations);
                    zonesOn.add(sent, seen.zonesOn(), stations);
                    confirmed.add(sent, back, stations);
                }
            }
        }
        figures.put("direct: publish → emergency at station", arrived.latencies());
        figures.put("direct: publish → zones-on at station", zonesOn.latencies());
        figures.put("direct: publish → zones-on back at publisher", confirmed.latencies());
    }

    /** The bare broker's fan-out to the same connections, with a probe of the given size. */
    Latencies measureBrokerFanout(String name, int payloadBytes) throws Exception {
        FanoutProbe probe = new FanoutProbe(Fleet.PROBE_TOPIC, stations.size(),
                settings.warmUpRounds() + settings.rounds(), payloadBytes);
        timeline.probe(probe);
        FleetMqttClient publisher = fleet.client(broker, FleetClientOptions.of("bench-probe-" + payloadBytes))
                .get(10, TimeUnit.SECONDS);
        try {
            Latencies fanout = probe.run(publisher, settings.warmUpRounds(), PROBE_GAP, ROUND_TIMEOUT);
            figures.put(name, fanout);
            return fanout;
        } finally {
            timeline.probe(null);
            publisher.close();
        }
    }

    /** Pacing between rounds, not a wait for a condition. */
    static void pace(Duration gap) {
        LockSupport.parkNanos(gap.toNanos());
    }

    String report() {
        StringBuilder text = new StringBuilder();
        figures.forEach((name, latencies) -> text.append(String.format(Locale.ROOT, "%-60s %s%n", name,
                latencies.summary())));
        return text.toString();
    }

    /**
     * Without JUnit: {@code main [stations [rounds]]} runs the whole benchmark with the real
     * controller; {@code main --no-controller [stations [rounds]]} only the broker and the fleet.
     */
    public static void main(String[] args) throws Exception {
        boolean withController = args.length == 0 || !args[0].equals("--no-controller");
        int first = withController ? 0 : 1;
        Settings settings = Settings.of(args.length > first ? Integer.parseInt(args[first]) : 1000,
                args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 10);
        Path dir = java.nio.file.Files.createTempDirectory("loa-fleet");
        EmergencyFanout run = withController ? ControllerRun.run(settings, dir) : brokerOnly(settings, dir);
        System.out.printf("%d stations, %d rounds, emergency of %d bytes%n%s", settings.stations(), settings.rounds(),
                run.emergencyBytes(), run.report());
        if (withController) {
            System.out.printf(Locale.ROOT, "p99 ratio, controller path / bare fan-out (same size): %.2f%n",
                    ControllerRun.ratio(run.figures()));
        }
        System.exit(0);
    }

    private static EmergencyFanout brokerOnly(Settings settings, Path dir) throws Exception {
        FleetLogging.quietAgents();
        List<String> ids = stationIds(settings.stations());
        Topics topics = Topics.withDefaultRoot();
        FleetLogins logins = FleetLogins.generated(ids);
        EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, BrokerFanout.SESSION_QUEUE,
                BrokerFanout.MAX_MESSAGE_BYTES, logins.access(topics));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", broker.port());
        EmergencyTimeline timeline = new EmergencyTimeline(ids.size());
        try (Fleet fleet = Fleet.create(ids, settings.fleetThreads(), dir, topics, Clock.systemUTC(), timeline,
                logins)) {
            fleet.connect(address, Duration.ofSeconds(120));
            EmergencyFanout run = new EmergencyFanout(settings, fleet, timeline, address, topics, ids);
            run.measureDirectPath("main");
            run.measureBrokerFanout("bare broker fan-out, probe as large as the emergency", run.emergencyBytes());
            run.measureBrokerFanout("bare broker fan-out, 12-byte probe", FanoutProbe.HEADER_BYTES);
            return run;
        } finally {
            broker.close();
        }
    }

    static List<String> stationIds(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> String.format(Locale.ROOT, "st-%04d", i))
                .toList();
    }
}
