package vn.loa.controller.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.protocol.StationIds;

class ControllerIdentityTest {
    @TempDir
    Path dir;

    @Test
    void thePasswordIsMadeOnceKeptPrivateAndReadBackOnTheNextStart() throws IOException {
        MqttCredentials first = ControllerIdentity.loadOrCreate(dir);
        MqttCredentials again = ControllerIdentity.loadOrCreate(dir);

        assertThat(first).isEqualTo(again);
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(22);
        Path file = dir.resolve(ControllerIdentity.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).isEqualTo(first.password());
    }

    @Test
    void theControllersUsernameCanNeverBeAStationId() {
        assertThat(StationIds.isValid(ControllerIdentity.USERNAME)).isFalse();
    }

    @Test
    void aDifferentDataDirectoryGetsADifferentPassword() throws IOException {
        MqttCredentials one = ControllerIdentity.loadOrCreate(Files.createDirectories(dir.resolve("one")));
        MqttCredentials two = ControllerIdentity.loadOrCreate(Files.createDirectories(dir.resolve("two")));

        assertThat(one.password()).isNotEqualTo(two.password());
    }
}
