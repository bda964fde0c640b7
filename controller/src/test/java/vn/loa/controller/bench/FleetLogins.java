package vn.loa.controller.bench;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.identity.ControllerIdentity;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.metrics.MicrometerControllerMetrics;
import vn.loa.controller.mqtt.BrokerAccess;
import vn.loa.protocol.Topics;

/**
 * Who the fleet logs in as: each station with its own password, and the bench's other clients
 * (the probe publisher, the direct trigger, a stand-in controller) as the controller.
 */
public record FleetLogins(MqttCredentials controller, Map<String, String> stations) {
    public FleetLogins {
        stations = Map.copyOf(stations);
    }

    /** Made-up passwords, for a bare embedded broker started with {@link #access(Topics)}. */
    public static FleetLogins generated(List<String> stationIds) {
        Map<String, String> passwords = new HashMap<>();
        stationIds.forEach(id -> passwords.put(id, "bench-" + id + "-password"));
        return new FleetLogins(new MqttCredentials(ControllerIdentity.USERNAME, "bench-controller-password"), passwords);
    }

    /** Credentials issued by a running controller (embedded broker), as staff would enrol the stations. */
    public static FleetLogins issuedBy(Controller controller, List<String> stationIds) {
        Map<String, String> passwords = new HashMap<>();
        stationIds.forEach(id -> passwords.put(id, controller.stationCredentials().issue(id, "bench").password()));
        return new FleetLogins(ControllerIdentity.loadOrCreate(controller.config().dataDir()), passwords);
    }

    /** The production broker policy, knowing these logins. */
    public BrokerAccess access(Topics topics) {
        return new BrokerAccess(topics, controller, ControllerConfig.Mqtt.DEFAULT_CLIENT_ID,
                (id, password) -> password.equals(stations.get(id)), new MicrometerControllerMetrics(), Clock.systemUTC());
    }

    public String passwordOf(String stationId) {
        String password = stations.get(stationId);
        if (password == null) {
            throw new IllegalArgumentException("no password for station " + stationId);
        }
        return password;
    }

    /** The options, logged in as the controller. */
    public FleetClientOptions asController(FleetClientOptions options) {
        return options.withCredentials(controller.username(), controller.password());
    }
}
