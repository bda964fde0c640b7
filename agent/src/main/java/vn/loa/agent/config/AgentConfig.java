package vn.loa.agent.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.loa.protocol.StationIds;
import vn.loa.protocol.Zone;

/**
 * Everything one station agent needs, read from its YAML file by {@link AgentConfigLoader} or
 * built in code with {@link #of} and the {@code with...} methods. Invalid values throw
 * {@link IllegalArgumentException} naming the field by its YAML path.
 */
public record AgentConfig(
        String station,
        Path dataDir,
        int heartbeatSeconds,
        List<Zone> zones,
        MqttSettings mqtt,
        RelaySettings relay,
        AudioSettings audio,
        ControllerSettings controller,
        CacheSettings cache,
        PlayoutSettings playout,
        MetricsSettings metrics) {

    public static final int DEFAULT_HEARTBEAT_SECONDS = 30;
    public static final List<Zone> DEFAULT_ZONES = List.of(new Zone(1, "Vùng 1"));

    public AgentConfig {
        if (station == null || station.isBlank()) {
            throw new IllegalArgumentException("field 'station' is required");
        }
        if (!StationIds.isValid(station)) {
            try {
                StationIds.require(station);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field 'station': " + e.getMessage(), e);
            }
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Ranges.check("heartbeatSeconds", heartbeatSeconds, 1, 3600);
        zones = checkZones(zones);
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(relay, "relay");
        relay.checkZones(zones);
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(playout, "playout");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** With the metrics endpoint off. */
    public AgentConfig(String station, Path dataDir, int heartbeatSeconds, List<Zone> zones, MqttSettings mqtt,
                       RelaySettings relay, AudioSettings audio, ControllerSettings controller, CacheSettings cache,
                       PlayoutSettings playout) {
        this(station, dataDir, heartbeatSeconds, zones, mqtt, relay, audio, controller, cache, playout,
                MetricsSettings.off());
    }

    /** The Prometheus endpoint on this host and port (0: any free port; null: off). */
    public AgentConfig withMetrics(MetricsSettings settings) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, mqtt, relay, audio, controller, cache,
                playout, settings);
    }

    /**
     * A station with every default: one zone, heartbeat every 30 s, simulated relays and audio,
     * the controller at {@value ControllerSettings#DEFAULT_URL}, a 2 GiB audio cache, warm-up 3 s,
     * hold 2 s, late tolerance 60 s, a broadcast cut by a restart skipped.
     */
    public static AgentConfig of(String station, String mqttUri, Path dataDir) {
        return new AgentConfig(station, dataDir, DEFAULT_HEARTBEAT_SECONDS, DEFAULT_ZONES,
                MqttSettings.of(mqttUri), RelaySettings.simulated(), AudioSettings.simulated(),
                ControllerSettings.defaults(), CacheSettings.defaults(), PlayoutSettings.defaults());
    }

    /** {@code ./loa-agent-data/<station>}, relative to the working directory. */
    public static Path defaultDataDir(String station) {
        return Path.of("loa-agent-data", station);
    }

    public AgentConfig withHeartbeatSeconds(int seconds) {
        return new AgentConfig(station, dataDir, seconds, zones, mqtt, relay, audio, controller, cache, playout,
                metrics);
    }

    public AgentConfig withZones(List<Zone> newZones) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, newZones, mqtt, relay, audio, controller, cache,
                playout, metrics);
    }

    public AgentConfig withDataDir(Path dir) {
        return new AgentConfig(station, dir, heartbeatSeconds, zones, mqtt, relay, audio, controller, cache, playout,
                metrics);
    }

    public AgentConfig withMqtt(MqttSettings settings) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, settings, relay, audio, controller, cache,
                playout, metrics);
    }

    /** The controller's HTTP base URL, e.g. {@code http://127.0.0.1:8080}, where bulletin audio is fetched. */
    public AgentConfig withControllerUrl(String url) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, mqtt, relay, audio,
                new ControllerSettings(url, controller.caFile(), controller.enrolmentToken()), cache, playout,
                metrics);
    }

    /** The one-time token the agent exchanges for its MQTT credentials when it has no password. */
    public AgentConfig withEnrolmentToken(String token) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, mqtt, relay, audio,
                new ControllerSettings(controller.url(), controller.caFile(), token), cache, playout,
                metrics);
    }

    public AgentConfig withController(ControllerSettings settings) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, mqtt, relay, audio, settings, cache,
                playout, metrics);
    }

    public AgentConfig withCacheMaxBytes(long maxBytes) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, mqtt, relay, audio, controller,
                new CacheSettings(maxBytes), playout, metrics);
    }

    public AgentConfig withPlayout(PlayoutSettings settings) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, mqtt, relay, audio, controller, cache,
                settings, metrics);
    }

    public AgentConfig withAudio(AudioSettings settings) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, mqtt, relay, settings, controller, cache,
                playout, metrics);
    }

    public AgentConfig withRelay(RelaySettings settings) {
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, mqtt, settings, audio, controller, cache,
                playout, metrics);
    }

    public AgentConfig withKeepAliveSeconds(int seconds) {
        return withMqtt(mqtt.withKeepAliveSeconds(seconds));
    }

    public AgentConfig withCredentials(String username, String password) {
        return withMqtt(mqtt.withCredentials(username, password));
    }

    public AgentConfig withTopicRoot(String topicRoot) {
        return withMqtt(mqtt.withTopicRoot(topicRoot));
    }

    public AgentConfig withReconnect(int minMillis, int maxSeconds) {
        return withMqtt(mqtt.withReconnect(minMillis, maxSeconds));
    }

    private static List<Zone> checkZones(List<Zone> zones) {
        if (zones == null || zones.isEmpty()) {
            throw new IllegalArgumentException("field 'zones' must list at least one zone");
        }
        if (zones.size() > Zone.MAX_CHANNEL) {
            throw new IllegalArgumentException("field 'zones' has more than " + Zone.MAX_CHANNEL + " zones");
        }
        Set<Integer> channels = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            Zone zone = zones.get(i);
            if (zone == null) {
                throw new IllegalArgumentException("field 'zones[" + i + "]' is empty");
            }
            if (!channels.add(zone.channel())) {
                throw new IllegalArgumentException("field 'zones[" + i + "].channel': channel "
                        + zone.channel() + " is listed twice");
            }
        }
        return List.copyOf(zones);
    }
}
