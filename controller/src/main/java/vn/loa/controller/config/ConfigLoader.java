package vn.loa.controller.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
        ConfigSection top = new ConfigSection("", root);
        Path dataDir = Path.of(top.text("dataDir", d.dataDir().toString()));
        ConfigSection http = top.section("http");
        ConfigSection mqtt = top.section("mqtt");
        ConfigSection auth = top.section("auth");
        ConfigSection stations = top.section("stations");
        ConfigSection broadcasts = top.section("broadcasts");
        ConfigSection bulletins = top.section("bulletins");
        ConfigSection emergencies = top.section("emergencies");
        ConfigSection cap = top.section("cap");
        ConfigSection tls = top.section("tls");
        ConfigSection health = top.section("health");
        ConfigSection console = top.section("console");
        top.rejectUnknown();
        ControllerConfig.Http h = new ControllerConfig.Http(http.text("host", d.http().host()),
                http.integer("port", d.http().port()), http.integer("maxBodyBytes", d.http().maxBodyBytes()),
                http.integer("apiThreads", d.http().apiThreads()), http.bool("tls", false),
                http.text("metricsToken", null));
        http.rejectUnknown();
        ControllerConfig.Mqtt m0 = d.mqtt();
        ControllerConfig.Mqtt m = new ControllerConfig.Mqtt(mqtt.text("broker", m0.broker()), mqtt.text("uri", null),
                mqtt.text("username", null), mqtt.text("password", null), mqtt.text("clientId", m0.clientId()),
                mqtt.text("topicRoot", m0.topicRoot()), mqtt.integer("keepAliveSeconds", m0.keepAliveSeconds()),
                mqtt.integer("maxPayloadBytes", m0.maxPayloadBytes()), mqtt.text("embeddedHost", m0.embeddedHost()),
                mqtt.integer("embeddedPort", m0.embeddedPort()),
                mqtt.integer("embeddedSessionQueueSize", m0.embeddedSessionQueueSize()),
                mqtt.integer("embeddedMaxMessageBytes", m0.embeddedMaxMessageBytes()),
                mqtt.optionalInteger("embeddedTlsPort"), mqtt.bool("embeddedPlain", true), mqtt.path("caFile"));
        mqtt.rejectUnknown();
        ControllerConfig.Auth a0 = d.auth();
        ControllerConfig.Auth a = new ControllerConfig.Auth(auth.integer("tokenLifetimeHours", a0.tokenLifetimeHours()),
                auth.integer("maxFailedLogins", a0.maxFailedLogins()),
                auth.integer("lockoutMinutes", a0.lockoutMinutes()),
                auth.integer("maxFailedLoginsPerAddress", a0.maxFailedLoginsPerAddress()));
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
        ControllerConfig.Emergencies e0 = d.emergencies();
        ControllerConfig.Emergencies e = new ControllerConfig.Emergencies(
                emergencies.integer("defaultRepeat", e0.defaultRepeat()),
                emergencies.integer("defaultValidityMinutes", e0.defaultValidityMinutes()),
                emergencies.integer("maxValidityHours", e0.maxValidityHours()),
                emergencies.integer("warmUpMillis", e0.warmUpMillis()),
                emergencies.integer("confirmGraceSeconds", e0.confirmGraceSeconds()));
        emergencies.rejectUnknown();
        ControllerConfig.Tls t = new ControllerConfig.Tls(tls.path("certificateFile"), tls.path("privateKeyFile"),
                tls.path("keyStoreFile"), tls.text("keyStorePassword", null));
        tls.rejectUnknown();
        ConsoleSettings c = new ConsoleSettings(console.text("tileUrl", null), console.text("tileAttribution", null));
        console.rejectUnknown();
        return new ControllerConfig(dataDir, h, m, a, s, b, bl, e, CapSettingsReader.read(cap), t,
                HealthSettingsReader.read(health), c);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
