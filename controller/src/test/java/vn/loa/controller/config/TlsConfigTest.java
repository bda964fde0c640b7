package vn.loa.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tls} section, {@code http.tls} and the embedded broker's TLS listener in the YAML file. */
class TlsConfigTest {
    @TempDir
    Path dir;

    @Test
    void tlsKeysAreRead() throws Exception {
        ControllerConfig config = ConfigLoader.load(write("""
                tls: { certificateFile: /etc/loa/tls/fullchain.pem, privateKeyFile: /etc/loa/tls/privkey.pem }
                http: { tls: true }
                mqtt: { embeddedTlsPort: 8883, embeddedPlain: false, caFile: /etc/loa/tls/ca.pem }
                """));

        assertThat(config.tls()).isEqualTo(ControllerConfig.Tls.pem(Path.of("/etc/loa/tls/fullchain.pem"),
                Path.of("/etc/loa/tls/privkey.pem")));
        assertThat(config.http().tls()).isTrue();
        assertThat(config.mqtt().embeddedTlsPort()).isEqualTo(8883);
        assertThat(config.mqtt().embeddedPlain()).isFalse();
        assertThat(config.mqtt().caFile()).isEqualTo(Path.of("/etc/loa/tls/ca.pem"));
    }

    @Test
    void withoutTheKeysEverythingIsPlain() throws Exception {
        ControllerConfig config = ConfigLoader.load(write("http: { port: 8080 }\n"));

        assertThat(config.tls().configured()).isFalse();
        assertThat(config.http().tls()).isFalse();
        assertThat(config.mqtt().embeddedTlsPort()).isNull();
        assertThat(config.mqtt().embeddedPlain()).isTrue();
    }

    @Test
    void httpsNeedsACertificate() throws Exception {
        Path file = write("http: { tls: true }\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": field 'http.tls' is true but the 'tls' section names no certificate");
    }

    @Test
    void tlsOnlyBrokerNeedsATlsPort() throws Exception {
        Path file = write("mqtt: { embeddedPlain: false }\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("field 'mqtt.embeddedPlain' is false but 'mqtt.embeddedTlsPort' is not set");
    }

    @Test
    void pemAndPkcs12AreExclusive() throws Exception {
        Path file = write("tls: { certificateFile: a.pem, privateKeyFile: a.key, keyStoreFile: a.p12 }\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void certificateWithoutKeyIsAnError() throws Exception {
        Path file = write("tls: { certificateFile: a.pem }\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'tls.certificateFile' and 'tls.privateKeyFile' go together");
    }

    @Test
    void httpTlsMustBeABoolean() throws Exception {
        Path file = write("tls: { keyStoreFile: a.p12 }\nhttp: { tls: yes please }\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("field 'http.tls' must be true or false");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("controller.yml"), yaml);
    }
}
