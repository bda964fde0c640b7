package vn.loa.controller.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's own login on the embedded broker: a username no station can have (station ids
 * start with a letter or digit), and a password generated at the first start and kept in the data
 * directory, readable by the controller's user only.
 */
public final class ControllerIdentity {
    /** The controller's MQTT username; never a valid station id. */
    public static final String USERNAME = "_controller";
    static final String FILE_NAME = "mqtt-controller.secret";
    private static final Logger LOG = LoggerFactory.getLogger(ControllerIdentity.class);

    private ControllerIdentity() {
    }

    /** The controller's embedded-broker credentials, created in {@code dataDir} on the first start. */
    public static MqttCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.length() < 16) {
                throw new IllegalStateException("the controller's MQTT password file " + file + " is damaged: delete "
                        + "it and restart, a new one is made");
            }
            return new MqttCredentials(USERNAME, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the controller's MQTT password file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return;
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        LOG.info("Created the controller's own MQTT password in {}", file);
    }
}
