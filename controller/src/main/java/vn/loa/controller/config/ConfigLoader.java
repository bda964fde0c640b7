package vn.loa.controller.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** Reads a controller YAML file over the defaults; unknown or mistyped fields are errors naming the file and field. */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static ControllerConfig load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        try {
            return read(root == null || root.isNull() ? MissingNode.getInstance() : root);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    static ControllerConfig read(JsonNode root) {
        ControllerConfig d = ControllerConfig.defaults();
        Section top = new Section("", root);
        Path dataDir = Path.of(top.text("dataDir", d.dataDir().toString()));
        Section http = top.section("http");
        Section mqtt = top.section("mqtt");
        Section auth = top.section("auth");
        Section stations = top.section("stations");
        Section broadcasts = top.section("broadcasts");
        Section bulletins = top.section("bulletins");
        top.rejectUnknown();
        ControllerConfig.Http h = new ControllerConfig.Http(http.text("host", d.http().host()),
                http.integer("port", d.http().port()), http.integer("maxBodyBytes", d.http().maxBodyBytes()),
                http.integer("apiThreads", d.http().apiThreads()));
        http.rejectUnknown();
        ControllerConfig.Mqtt m0 = d.mqtt();
        ControllerConfig.Mqtt m = new ControllerConfig.Mqtt(mqtt.text("broker", m0.broker()), mqtt.text("uri", null),
                mqtt.text("username", null), mqtt.text("password", null), mqtt.text("clientId", m0.clientId()),
                mqtt.text("topicRoot", m0.topicRoot()), mqtt.integer("keepAliveSeconds", m0.keepAliveSeconds()),
                mqtt.integer("maxPayloadBytes", m0.maxPayloadBytes()), mqtt.text("embeddedHost", m0.embeddedHost()),
                mqtt.integer("embeddedPort", m0.embeddedPort()),
                mqtt.integer("embeddedSessionQueueSize", m0.embeddedSessionQueueSize()),
                mqtt.integer("embeddedMaxMessageBytes", m0.embeddedMaxMessageBytes()));
        mqtt.rejectUnknown();
        ControllerConfig.Auth a = new ControllerConfig.Auth(auth.integer("tokenLifetimeHours",
                d.auth().tokenLifetimeHours()));
        auth.rejectUnknown();
        ControllerConfig.Stations s = new ControllerConfig.Stations(stations.integer("silenceGraceSeconds",
                d.stations().silenceGraceSeconds()));
        stations.rejectUnknown();
        ControllerConfig.Broadcasts b0 = d.broadcasts();
        ControllerConfig.Broadcasts b = new ControllerConfig.Broadcasts(
                broadcasts.integer("horizonHours", b0.horizonHours()),
                broadcasts.integer("replanMinutes", b0.replanMinutes()),
                broadcasts.integer("planResendSeconds", b0.planResendSeconds()),
                broadcasts.integer("confirmGraceSeconds", b0.confirmGraceSeconds()));
        broadcasts.rejectUnknown();
        ControllerConfig.Bulletins bl = new ControllerConfig.Bulletins(bulletins.wholeNumber("maxUploadBytes",
                d.bulletins().maxUploadBytes()));
        bulletins.rejectUnknown();
        return new ControllerConfig(dataDir, h, m, a, s, b, bl);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** One mapping of the file, remembering which fields were read. */
    private static final class Section {
        private final String prefix;
        private final JsonNode node;
        private final Set<String> known = new HashSet<>();

        Section(String prefix, JsonNode node) {
            if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
                throw new ConfigException("'" + (prefix.isEmpty() ? "the file" : prefix) + "' must be a mapping");
            }
            this.prefix = prefix;
            this.node = node;
        }

        Section section(String name) {
            known.add(name);
            return new Section(prefix + name, node.path(name));
        }

        String text(String name, String fallback) {
            known.add(name);
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.isValueNode() || value.isBoolean()) {
                throw new ConfigException("field '" + field(name) + "' must be text");
            }
            return value.asText();
        }

        int integer(String name, int fallback) {
            known.add(name);
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.isInt()) {
                throw new ConfigException("field '" + field(name) + "' must be a whole number");
            }
            return value.intValue();
        }

        long wholeNumber(String name, long fallback) {
            known.add(name);
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new ConfigException("field '" + field(name) + "' must be a whole number");
            }
            return value.longValue();
        }

        void rejectUnknown() {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new ConfigException("unknown field '" + field(name) + "'");
                }
            }
        }

        private String field(String name) {
            return prefix.isEmpty() ? name : prefix + "." + name;
        }
    }
}
