package vn.loa.controller.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.config.ConfigException;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.store.Database;
import vn.loa.protocol.StationIds;
import vn.loa.protocol.Topics;

/**
 * {@code loa-controller mosquitto-auth --config FILE --out DIR}: writes Mosquitto's password and
 * ACL files from the registry, for a controller on an external broker, and says how to use them.
 */
public final class MosquittoAuthCommand {
    private static final Logger LOG = LoggerFactory.getLogger(MosquittoAuthCommand.class);

    private MosquittoAuthCommand() {
    }

    /** Writes the files; returns how many stations they let in. A config that cannot work is a ConfigException. */
    public static int run(ControllerConfig config, Path out, Clock clock) {
        ControllerConfig.Mqtt mqtt = config.mqtt();
        if (mqtt.username() == null || mqtt.password() == null) {
            throw new ConfigException("set 'mqtt.username' and 'mqtt.password' in the config: the controller logs in "
                    + "to Mosquitto with them, and the password file gets that user");
        }
        if (StationIds.isValid(mqtt.username())) {
            throw new ConfigException("field 'mqtt.username' ('" + mqtt.username() + "') could also be a station id; "
                    + "start it with '_', e.g. _controller, so no station can ever log in as the controller");
        }
        Path databaseFile = config.dataDir().resolve("loa.db");
        if (!Files.isRegularFile(databaseFile)) {
            throw new ConfigException("no registry at " + databaseFile + ": start the controller once with this "
                    + "config (field 'dataDir'), then enrol stations");
        }
        Map<String, String> stations;
        try (Database database = Database.open(databaseFile, clock)) {
            stations = database.read(new CredentialRepository()::active);
        }
        String controllerHash = MosquittoPasswordHash.hash(mqtt.password(), new SecureRandom());
        try {
            MosquittoAuthFiles.write(out, new Topics(mqtt.topicRoot()), mqtt.username(), controllerHash, stations);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Mosquitto files into " + out + ": " + e.getMessage(), e);
        }
        Path passwd = out.resolve(MosquittoAuthFiles.PASSWORD_FILE).toAbsolutePath();
        Path acl = out.resolve(MosquittoAuthFiles.ACL_FILE).toAbsolutePath();
        LOG.info("""
                Wrote {} (the controller '{}' and {} station(s)) and {}.
                In mosquitto.conf, for the listener the stations use:
                    per_listener_settings false
                    allow_anonymous false
                    use_username_as_clientid true
                    password_file {}
                    acl_file {}
                use_username_as_clientid names each client after its user, so no station can take over the \
                controller's or another station's session. Then reload Mosquitto (systemctl reload mosquitto, or kill -HUP its \
                process). Run this command again after enrolling stations, issuing new credentials or retiring a \
                station. The files must be readable by the mosquitto user.""",
                passwd, mqtt.username(), stations.size(), acl, passwd, acl);
        return stations.size();
    }
}
