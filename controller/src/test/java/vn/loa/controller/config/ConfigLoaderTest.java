package vn.loa.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void emptyFileGivesTheDefaults() throws Exception {
        assertThat(ConfigLoader.load(write(""))).isEqualTo(ControllerConfig.defaults());
    }

    @Test
    void theShippedExampleLoads() {
        ControllerConfig config = ConfigLoader.load(Path.of("../examples/controller.yml"));
        assertThat(config.mqtt().embedded()).isTrue();
        assertThat(config.http().port()).isEqualTo(8080);
    }

    @Test
    void externalBrokerNeedsAUri() throws Exception {
        Path file = write("mqtt:\n  broker: external\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("mqtt.uri");
    }

    @Test
    void fieldsAreReadOverTheDefaults() throws Exception {
        ControllerConfig config = ConfigLoader.load(write("""
                dataDir: /var/lib/loa
                http: { port: 9000 }
                mqtt: { broker: external, uri: "tcp://broker:1883", username: loa, password: secret }
                """));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/loa"));
        assertThat(config.http().port()).isEqualTo(9000);
        assertThat(config.http().host()).isEqualTo("0.0.0.0");
        assertThat(config.mqtt().uri()).isEqualTo("tcp://broker:1883");
        assertThat(config.mqtt().username()).isEqualTo("loa");
    }

    @Test
    void unknownFieldIsAnErrorNamingIt() throws Exception {
        Path file = write("http:\n  prot: 9000\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining("unknown field 'http.prot'");
    }

    @Test
    void wronglyTypedOrOutOfRangeFieldIsAnErrorNamingIt() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(write("http: { port: eighty }")))
                .hasMessageContaining("'http.port' must be a whole number");
        assertThatThrownBy(() -> ConfigLoader.load(write("http: { port: 70000 }")))
                .hasMessageContaining("'http.port' must be 0..65535");
        assertThatThrownBy(() -> ConfigLoader.load(write("mqtt: { broker: cloud }")))
                .hasMessageContaining("embedded or external");
    }

    @Test
    void missingOrBrokenFileIsAnError() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.yml"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> ConfigLoader.load(write("http: [unclosed"))).hasMessageContaining("not valid YAML");
    }

    @Test
    void bulletinUploadLimitDefaultsTo200MegabytesAndMayBeLarger() throws Exception {
        assertThat(ControllerConfig.defaults().bulletins().maxUploadBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(ConfigLoader.load(Path.of("../examples/controller.yml")).bulletins().maxUploadBytes())
                .isEqualTo(200L * 1024 * 1024);
        assertThat(ConfigLoader.load(write("bulletins: { maxUploadBytes: 4294967296 }")).bulletins()
                .maxUploadBytes()).isEqualTo(4L * 1024 * 1024 * 1024);
        assertThatThrownBy(() -> ConfigLoader.load(write("bulletins: { maxUploadBytes: 10 }")))
                .hasMessageContaining("'bulletins.maxUploadBytes' must be 1024..");
        assertThatThrownBy(() -> ConfigLoader.load(write("bulletins: { maxUploadBytes: 1.5 }")))
                .hasMessageContaining("'bulletins.maxUploadBytes' must be a whole number");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "controller", ".yml"), yaml);
    }
}
