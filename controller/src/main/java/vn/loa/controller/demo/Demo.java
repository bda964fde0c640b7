package vn.loa.controller.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.registry.AreaService;
import vn.loa.controller.registry.Station;
import vn.loa.controller.registry.StationDraft;
import vn.loa.protocol.Zone;

/**
 * {@code ./loa demo}: a controller with the embedded broker on loopback, a demo area tree
 * (a province, a district, three communes) and N simulated stations run by real agents.
 */
public final class Demo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    static final String DEFAULT_PASSWORD = "loa-demo";
    private static final String[][] COMMUNES = {
        {"Xã Mỹ An", "DEMO-87-01"}, {"Xã Phú Điền", "DEMO-87-02"}, {"Xã Thanh Mỹ", "DEMO-87-03"}};

    private final Controller controller;
    private final DemoFleet fleet;

    private Demo(Controller controller, DemoFleet fleet) {
        this.controller = controller;
        this.fleet = fleet;
    }

    public static Demo start(DemoOptions options, Clock clock, String adminPassword) {
        ControllerConfig config = ControllerConfig.defaults().withDataDir(options.dataDir())
                .withHttp("127.0.0.1", options.httpPort());
        config = config.withMqtt(config.mqtt().withEmbedded("127.0.0.1", options.mqttPort()));
        String password = adminPassword == null || adminPassword.isEmpty() ? DEFAULT_PASSWORD : adminPassword;
        Controller controller = Controller.start(config, clock, password);
        try {
            List<Station> stations = seed(controller, options.stations());
            DemoContent.seed(controller, clock);
            // fresh credentials on every start: the agents' config files are written anew each time
            Map<String, MqttCredentials> logins = new HashMap<>();
            stations.forEach(station -> logins.put(station.id(),
                    controller.stationCredentials().issue(station.id(), "demo")));
            DemoFleet fleet = stations.isEmpty() ? null : DemoFleet.start(options.agentJar(), options.dataDir(),
                    stations, logins, controller.embeddedBrokerPort().orElseThrow(), controller.httpPort());
            String url = "http://127.0.0.1:" + controller.httpPort();
            LOG.info("""

                    ==============================================================
                     Loa demo is running: {} station(s)
                     Console:  {}/
                     API:      {}/api/v1   (log in as admin / {})
                     Staff:    bientap (schedules, approves), kythuat (technician),
                               vanhanh (operator of one commune) / {}
                     MQTT:     tcp://127.0.0.1:{}
                     Data:     {}
                     Stop with Ctrl-C.
                    ==============================================================""",
                    stations.size(), url, url, password.equals(DEFAULT_PASSWORD) ? DEFAULT_PASSWORD
                            : "the password in LOA_ADMIN_PASSWORD", DemoContent.STAFF_PASSWORD,
                    controller.embeddedBrokerPort().orElseThrow(),
                    options.dataDir().toAbsolutePath());
            return new Demo(controller, fleet);
        } catch (RuntimeException e) {
            controller.close();
            throw e;
        }
    }

    /** Creates the demo area tree and stations, unless an earlier run did. */
    private static List<Station> seed(Controller controller, int count) {
        AreaService areas = controller.areas();
        List<Area> communes = new ArrayList<>();
        if (areas.list().isEmpty()) {
            Area province = areas.create(null, "Tỉnh Đồng Tháp (demo)", "DEMO-87", AreaLevel.PROVINCE);
            Area district = areas.create(province.id(), "Huyện Tháp Mười (demo)", "DEMO-87-TM", AreaLevel.DISTRICT);
            for (String[] commune : COMMUNES) {
                communes.add(areas.create(district.id(), commune[0], commune[1], AreaLevel.COMMUNE));
            }
        } else {
            areas.list().stream().filter(area -> area.level() == AreaLevel.COMMUNE).forEach(communes::add);
        }
        List<Station> existing = controller.stations().list();
        List<Station> stations = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = String.format("demo-%02d", i);
            Station found = existing.stream().filter(station -> station.id().equals(id)).findFirst().orElse(null);
            if (found == null) {
                Area commune = communes.get((i - 1) % communes.size());
                found = controller.stations().create(new StationDraft(id, commune.id(),
                        "Cụm loa " + i + " – " + commune.name(), 10.55 + 0.01 * i, 105.85 + 0.012 * i, false,
                        List.of(new Zone(1, "Loa trung tâm"), new Zone(2, "Loa chợ"))));
            }
            stations.add(found);
        }
        return stations;
    }

    public int httpPort() {
        return controller.httpPort();
    }

    @Override
    public void close() {
        if (fleet != null) {
            fleet.close();
        }
        controller.close();
    }
}
