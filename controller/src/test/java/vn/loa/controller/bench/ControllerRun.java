package vn.loa.controller.bench;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.Mosquitto;
import vn.loa.controller.testutil.TestControllers;
import vn.loa.protocol.Topics;

/**
 * One whole run of the emergency fan-out benchmark: a real controller (embedded broker, SQLite,
 * HTTP API) with the fleet's stations registered in one commune, the fleet connected and online,
 * then on the same broker and the same connections: the controller path, the direct path (the
 * split), and the bare broker fan-out with a probe as large as the emergency and with a 12-byte one.
 */
final class ControllerRun {
    private ControllerRun() {
    }

    /** Runs everything; returns the figures in order and the size of the emergency message. */
    static EmergencyFanout run(EmergencyFanout.Settings settings, Path dir) throws Exception {
        FleetLogging.quietAgents();
        List<String> ids = EmergencyFanout.stationIds(settings.stations());
        Mosquitto mosquitto = MOSQUITTO.equals(broker())
                ? Mosquitto.start(Files.createDirectories(dir.resolve("mosquitto"))) : null;
        ControllerConfig config = ControllerConfig.ephemeral(dir.resolve("controller"));
        if (mosquitto != null) {
            config = config.withExternalBroker(mosquitto.uri());
        }
        try (Controller controller = Controller.start(config, Clock.systemUTC(), TestControllers.ADMIN_PASSWORD)) {
            ApiClient api = TestControllers.admin(controller);
            long commune = DemoRegistry.communeWithStations(api, ids.toArray(String[]::new));
            InetSocketAddress broker = new InetSocketAddress("127.0.0.1", mosquitto != null ? mosquitto.port()
                    : controller.embeddedBrokerPort().orElseThrow());
            EmergencyTimeline timeline = new EmergencyTimeline(ids.size());
            Topics topics = Topics.withDefaultRoot();
            FleetLogins logins = mosquitto != null ? FleetLogins.generated(ids) : FleetLogins.issuedBy(controller, ids);
            try (Fleet fleet = Fleet.create(ids, settings.fleetThreads(), dir.resolve("fleet"), topics,
                    Clock.systemUTC(), timeline, logins)) {
                fleet.connect(broker, Duration.ofSeconds(120));
                await("every station online at the controller").atMost(60, TimeUnit.SECONDS)
                        .pollInterval(500, TimeUnit.MILLISECONDS)
                        .until(() -> api.get("/api/v1/stations?status=online").json().path("stations").size()
                                == ids.size());
                EmergencyFanout run = new EmergencyFanout(settings, fleet, timeline, broker, topics, ids);
                new ControllerPath(api, commune, timeline, fleet.load(), ids, settings).measure(run.figures());
                run.measureDirectPath("run");
                run.measureBrokerFanout("bare broker fan-out, probe as large as the emergency", run.emergencyBytes());
                run.measureBrokerFanout("bare broker fan-out, 12-byte probe", FanoutProbe.HEADER_BYTES);
                return run;
            }
        } finally {
            if (mosquitto != null) {
                mosquitto.close();
            }
        }
    }

    static final String MOSQUITTO = "mosquitto";

    /** The broker of the run: {@code -Dbench.broker=mosquitto} for an external Mosquitto 2, else embedded Moquette. */
    static String broker() {
        return System.getProperty("bench.broker", "moquette");
    }

    /** p99 of the controller path over p99 of the bare fan-out with a probe as large as the emergency. */
    static double ratio(Map<String, Latencies> figures) {
        return figures.get("controller: API request → zones-on recorded at controller").p99()
                / figures.get("bare broker fan-out, probe as large as the emergency").p99();
    }
}
