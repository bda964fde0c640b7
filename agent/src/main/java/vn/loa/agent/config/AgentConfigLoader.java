package vn.loa.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.loa.protocol.Zone;

/** Reads an agent's YAML file into an {@link AgentConfig}; see the README for the format. */
public final class AgentConfigLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private AgentConfigLoader() {
    }

    /** Loads and checks a file; every problem is a {@link ConfigException} naming the file and the field. */
    public static AgentConfig load(Path file) {
        JsonNode tree = read(file);
        try {
            return parse(ConfigNode.root(tree));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML" + where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the file (" + e + ")", e);
        }
    }

    private static AgentConfig parse(ConfigNode root) {
        root.allowOnly("station", "dataDir", "heartbeatSeconds", "zones", "mqtt", "relay", "audio", "controller",
                "cache", "playout", "metrics");
        String station = root.requiredText("station");
        Path dataDir = root.text("dataDir").map(text -> path(root.field("dataDir"), text))
                .orElse(AgentConfig.defaultDataDir(station));
        int heartbeatSeconds = root.wholeNumber("heartbeatSeconds").orElse(AgentConfig.DEFAULT_HEARTBEAT_SECONDS);
        List<Zone> zones = root.list("zones").map(AgentConfigLoader::zones).orElse(AgentConfig.DEFAULT_ZONES);
        MqttSettings mqtt = mqtt(root.section("mqtt")
                .orElseThrow(() -> new IllegalArgumentException("field 'mqtt.uri' is required")), station);
        RelaySettings relay = root.section("relay").map(AgentConfigLoader::relay).orElse(RelaySettings.simulated());
        AudioSettings audio = root.section("audio").map(AgentConfigLoader::audio).orElse(AudioSettings.simulated());
        ControllerSettings controller = root.section("controller").map(AgentConfigLoader::controller)
                .orElse(ControllerSettings.defaults());
        CacheSettings cache = root.section("cache").map(AgentConfigLoader::cache).orElse(CacheSettings.defaults());
        PlayoutSettings playout = root.section("playout").map(AgentConfigLoader::playout)
                .orElse(PlayoutSettings.defaults());
        MetricsSettings metrics = root.section("metrics").map(AgentConfigLoader::metrics).orElse(MetricsSettings.off());
        return new AgentConfig(station, dataDir, heartbeatSeconds, zones, mqtt, relay, audio, controller, cache,
                playout, metrics);
    }

    private static MetricsSettings metrics(ConfigNode metrics) {
        metrics.allowOnly("port", "host");
        Integer port = metrics.wholeNumber("port").isPresent() ? metrics.wholeNumber("port").getAsInt() : null;
        return new MetricsSettings(port, metrics.text("host").orElse(MetricsSettings.DEFAULT_HOST));
    }

    private static ControllerSettings controller(ConfigNode controller) {
        controller.allowOnly("url", "caFile", "enrolmentToken");
        Path caFile = caFile(controller);
        return new ControllerSettings(controller.text("url").orElse(ControllerSettings.DEFAULT_URL), caFile,
                controller.text("enrolmentToken").orElse(null));
    }

    /** The {@code caFile} of a section, checked now: it must be a readable PEM file of certificates. */
    private static Path caFile(ConfigNode section) {
        Path caFile = section.text("caFile").map(text -> path(section.field("caFile"), text)).orElse(null);
        if (caFile != null) {
            TrustedCa.sslContext(section.field("caFile"), caFile);
        }
        return caFile;
    }

    private static CacheSettings cache(ConfigNode cache) {
        cache.allowOnly("maxBytes");
        return new CacheSettings(cache.longNumber("maxBytes").orElse(CacheSettings.DEFAULT_MAX_BYTES));
    }

    private static PlayoutSettings playout(ConfigNode playout) {
        playout.allowOnly("warmUpSeconds", "holdSeconds", "lateToleranceSeconds", "afterReboot");
        AfterReboot afterReboot = playout.text("afterReboot")
                .map(name -> AfterReboot.fromConfigName(name).orElseThrow(() -> new IllegalArgumentException(
                        "field '" + playout.field("afterReboot") + "' must be one of " + names(AfterReboot.values())
                                + ", got '" + name + "'")))
                .orElse(AfterReboot.SKIP);
        return new PlayoutSettings(
                Duration.ofSeconds(playout.wholeNumber("warmUpSeconds").orElse(PlayoutSettings.DEFAULT_WARM_UP_SECONDS)),
                Duration.ofSeconds(playout.wholeNumber("holdSeconds").orElse(PlayoutSettings.DEFAULT_HOLD_SECONDS)),
                Duration.ofSeconds(playout.wholeNumber("lateToleranceSeconds")
                        .orElse(PlayoutSettings.DEFAULT_LATE_TOLERANCE_SECONDS)),
                afterReboot);
    }

    private static List<Zone> zones(List<ConfigNode> entries) {
        List<Zone> zones = new ArrayList<>();
        for (ConfigNode entry : entries) {
            entry.allowOnly("channel", "name");
            int channel = entry.requiredWholeNumber("channel");
            if (channel < 1 || channel > Zone.MAX_CHANNEL) {
                throw new IllegalArgumentException("field '" + entry.field("channel") + "' must be 1.."
                        + Zone.MAX_CHANNEL + ", got " + channel);
            }
            String name = entry.requiredText("name");
            try {
                zones.add(new Zone(channel, name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field '" + entry.field("name") + "': " + e.getMessage(), e);
            }
        }
        return zones;
    }

    /** With a password and no username, the username is the station id (as the controller issues them). */
    private static MqttSettings mqtt(ConfigNode mqtt, String station) {
        mqtt.allowOnly("uri", "username", "password", "keepAliveSeconds", "topicRoot",
                "reconnectMinMillis", "reconnectMaxSeconds", "caFile");
        MqttSettings defaults = MqttSettings.of(mqtt.requiredText("uri"));
        return new MqttSettings(
                defaults.uri(),
                mqtt.text("username").orElse(mqtt.text("password").isPresent() ? station : null),
                mqtt.text("password").orElse(null),
                mqtt.wholeNumber("keepAliveSeconds").orElse(defaults.keepAliveSeconds()),
                mqtt.text("topicRoot").orElse(defaults.topicRoot()),
                mqtt.wholeNumber("reconnectMinMillis").orElse(defaults.reconnectMinMillis()),
                mqtt.wholeNumber("reconnectMaxSeconds").orElse(defaults.reconnectMaxSeconds()),
                caFile(mqtt));
    }

    private static RelaySettings relay(ConfigNode relay) {
        relay.allowOnly("driver", "port", "baud", "address", "channels", "echoTimeoutMillis");
        RelayDriver driver = relay.text("driver")
                .map(name -> RelayDriver.fromConfigName(name).orElseThrow(() -> new IllegalArgumentException(
                        "field '" + relay.field("driver") + "' must be one of " + names(RelayDriver.values())
                                + ", got '" + name + "'")))
                .orElse(RelayDriver.SIMULATED);
        return new RelaySettings(driver,
                relay.text("port").filter(text -> !text.isBlank()).map(text -> path(relay.field("port"), text))
                        .orElse(null),
                relay.wholeNumber("baud").orElse(RelaySettings.DEFAULT_BAUD),
                relay.wholeNumber("address").orElse(RelaySettings.DEFAULT_ADDRESS),
                relay.wholeNumberMap("channels").orElse(java.util.Map.of()),
                Duration.ofMillis(relay.wholeNumber("echoTimeoutMillis")
                        .orElse(RelaySettings.DEFAULT_ECHO_TIMEOUT_MILLIS)));
    }

    private static AudioSettings audio(ConfigNode audio) {
        audio.allowOnly("output", "device", "volume", "deadAirSeconds", "silenceThresholdDb");
        AudioSettings defaults = AudioSettings.simulated();
        AudioOutputKind output = audio.text("output")
                .map(name -> AudioOutputKind.fromConfigName(name).orElseThrow(() -> new IllegalArgumentException(
                        "field '" + audio.field("output") + "' must be one of " + names(AudioOutputKind.values())
                                + ", got '" + name + "'")))
                .orElse(defaults.output());
        String device = audio.text("device").filter(text -> !text.isBlank()).orElse(null);
        double volume = audio.number("volume").orElse(defaults.volume());
        int deadAirSeconds = audio.wholeNumber("deadAirSeconds").orElse(defaults.deadAirSeconds());
        double silenceThresholdDb = audio.number("silenceThresholdDb").orElse(defaults.silenceThresholdDb());
        return new AudioSettings(output, device, volume, deadAirSeconds, silenceThresholdDb);
    }

    private static Path path(String field, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("field '" + field + "' is not a valid path: " + e.getReason(), e);
        }
    }

    private static String names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name().toLowerCase(java.util.Locale.ROOT));
        }
        return names.toString();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable content";
        }
        int newline = message.indexOf('\n');
        return (newline > 0 ? message.substring(0, newline) : message).trim();
    }
}
