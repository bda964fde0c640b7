package vn.loa.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.testutil.TestCa;

/** {@code mqtt.caFile} and {@code controller.caFile}: read and checked when the file is loaded. */
class CaFileConfigTest {
    @TempDir
    Path dir;

    @Test
    void caFilesForTlsAreReadIntoTheSettings() throws Exception {
        Path ca = TestCa.create(dir);
        AgentConfig config = AgentConfigLoader.load(write("""
                station: demo-01
                mqtt: { uri: "ssl://loa.example.vn:8883", caFile: "%s" }
                controller: { url: "https://loa.example.vn:8443", caFile: "%s" }
                """.formatted(ca, ca)));

        assertThat(config.mqtt().caFile()).isEqualTo(ca);
        assertThat(config.controller().caFile()).isEqualTo(ca);
        assertThat(TrustedCa.sslContext("mqtt.caFile", ca)).isNotNull();
    }

    @Test
    void missingCaFileIsAConfigErrorNamingTheField() throws Exception {
        Path file = write("""
                station: demo-01
                mqtt: { uri: "ssl://loa.example.vn:8883", caFile: "%s" }
                """.formatted(dir.resolve("nowhere.pem")));

        assertThatThrownBy(() -> AgentConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("field 'mqtt.caFile'")
                .hasMessageContaining("nowhere.pem: no such file");
    }

    @Test
    void caFileThatIsNotACertificateIsAConfigError() throws Exception {
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "this is not a certificate\n");
        Path file = write("""
                station: demo-01
                mqtt: { uri: "tcp://127.0.0.1:1883" }
                controller: { url: "https://loa.example.vn", caFile: "%s" }
                """.formatted(garbage));

        assertThatThrownBy(() -> AgentConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("field 'controller.caFile'")
                .hasMessageContaining("garbage.pem");
    }

    @Test
    void caFileWithAPlainAddressIsAConfigError() throws Exception {
        Path ca = TestCa.create(dir);
        Path mqtt = write("""
                station: demo-01
                mqtt: { uri: "tcp://127.0.0.1:1883", caFile: "%s" }
                """.formatted(ca));
        assertThatThrownBy(() -> AgentConfigLoader.load(mqtt)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("field 'mqtt.caFile' is set but 'mqtt.uri' is not ssl://");

        Path controller = write("""
                station: demo-01
                mqtt: { uri: "tcp://127.0.0.1:1883" }
                controller: { url: "http://127.0.0.1:8080", caFile: "%s" }
                """.formatted(ca));
        assertThatThrownBy(() -> AgentConfigLoader.load(controller)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("field 'controller.caFile' is set but 'controller.url' is not https://");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("agent.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
