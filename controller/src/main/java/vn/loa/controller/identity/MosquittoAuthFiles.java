package vn.loa.controller.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.loa.protocol.Channel;
import vn.loa.protocol.Topics;

/**
 * Mosquitto's {@code password_file} and {@code acl_file} for an external broker, from the
 * registry: each station logs in as its id with its stored hash; the controller with its own
 * user. The ACL gives the controller the whole topic root, and each station ({@code %u}) only its
 * own station-to-controller channels to write and its commands and the controller's status to read.
 */
public final class MosquittoAuthFiles {
    public static final String PASSWORD_FILE = "passwd";
    public static final String ACL_FILE = "acl";

    private MosquittoAuthFiles() {
    }

    /** Writes both files into {@code dir} (created if needed), readable by their owner only. */
    public static void write(Path dir, Topics topics, String controllerUser, String controllerHash,
                             Map<String, String> stationHashes) throws IOException {
        Files.createDirectories(dir);
        writePrivate(dir.resolve(PASSWORD_FILE), passwords(controllerUser, controllerHash, stationHashes));
        writePrivate(dir.resolve(ACL_FILE), acl(topics, controllerUser));
    }

    static String passwords(String controllerUser, String controllerHash, Map<String, String> stationHashes) {
        StringBuilder file = new StringBuilder();
        file.append(controllerUser).append(':').append(controllerHash).append('\n');
        stationHashes.forEach((station, hash) -> file.append(station).append(':').append(hash).append('\n'));
        return file.toString();
    }

    static String acl(Topics topics, String controllerUser) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by './loa mosquitto-auth' from the Loa registry; written again after enrolling, issuing "
                + "credentials or retiring stations.");
        lines.add("# With 'use_username_as_clientid true' in mosquitto.conf: no client can take another's session.");
        lines.add("# The controller: everything under the topic root.");
        lines.add("user " + controllerUser);
        lines.add("topic readwrite " + topics.root() + "/#");
        lines.add("");
        lines.add("# Every station (%u is its username, the station id): its own channels only.");
        for (Channel channel : Channel.values()) {
            if (channel.direction() == Channel.Direction.FROM_STATION) {
                lines.add("pattern write " + topics.root() + "/stations/%u/" + channel.segment());
            }
        }
        lines.add("pattern read " + topics.root() + "/stations/%u/" + Channel.COMMANDS.segment());
        lines.add("pattern read " + topics.controllerStatus());
        return String.join("\n", lines) + "\n";
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
