package vn.loa.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.loa.protocol.Zone;

class AgentConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("agent.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void fullFileParsesEveryField() throws IOException {
        Path file = write("""
                station: demo-01
                dataDir: /var/lib/loa
                heartbeatSeconds: 15
                zones:
                  - { channel: 1, name: "Loa trung tâm" }
                  - channel: 3
                    name: Thôn Đông
                mqtt:
                  uri: tcp://broker.example:1883
                  username: demo-01
                  password: s3cret
                  keepAliveSeconds: 20
                  topicRoot: loa/test
                  reconnectMinMillis: 250
                  reconnectMaxSeconds: 30
                relay: { driver: simulated }
                audio: { output: simulated }
                controller: { url: "https://loa.example.vn/" }
                cache: { maxBytes: 5368709120 }
                playout:
                  warmUpSeconds: 5
                  holdSeconds: 0
                  lateToleranceSeconds: 120
                  afterReboot: resume
                """);

        AgentConfig config = AgentConfigLoader.load(file);

        assertThat(config.controller().url()).isEqualTo("https://loa.example.vn");
        assertThat(config.controller().resolve("/api/v1/bulletins/b1/audio"))
                .hasToString("https://loa.example.vn/api/v1/bulletins/b1/audio");
        assertThat(config.cache().maxBytes()).isEqualTo(5_368_709_120L);
        assertThat(config.playout()).isEqualTo(new PlayoutSettings(Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofSeconds(120), AfterReboot.RESUME));
        assertThat(config.station()).isEqualTo("demo-01");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/loa"));
        assertThat(config.heartbeatSeconds()).isEqualTo(15);
        assertThat(config.zones()).containsExactly(new Zone(1, "Loa trung tâm"), new Zone(3, "Thôn Đông"));
        assertThat(config.mqtt()).isEqualTo(new MqttSettings("tcp://broker.example:1883", "demo-01", "s3cret",
                20, "loa/test", 250, 30));
        assertThat(config.relay().driver()).isEqualTo(RelayDriver.SIMULATED);
        assertThat(config.audio().output()).isEqualTo(AudioOutputKind.SIMULATED);
    }

    @Test
    void passwordWithoutUsernameLogsInAsTheStation() throws IOException {
        Path file = write("""
                station: xa-tan-lap
                mqtt:
                  uri: tcp://127.0.0.1:1883
                  password: "issued-by-the-controller"
                """);

        AgentConfig config = AgentConfigLoader.load(file);

        assertThat(config.mqtt().username()).isEqualTo("xa-tan-lap");
        assertThat(config.mqtt().password()).isEqualTo("issued-by-the-controller");
    }

    @Test
    void anEnrolmentTokenIsReadFromTheControllerSection() throws IOException {
        Path file = write("""
                station: xa-tan-lap
                mqtt:
                  uri: tcp://127.0.0.1:1883
                controller:
                  url: http://controller.example:8080
                  enrolmentToken: "one-time-token"
                """);

        AgentConfig config = AgentConfigLoader.load(file);

        assertThat(config.controller()).isEqualTo(new ControllerSettings("http://controller.example:8080", null,
                "one-time-token"));
        assertThat(config.mqtt().password()).isNull();
        assertThat(config.withControllerUrl("http://other:8080").controller().enrolmentToken())
                .isEqualTo("one-time-token");
    }

    @Test
    void minimalFileGetsTheDefaults() throws IOException {
        Path file = write("""
                station: xa-tan-lap
                mqtt:
                  uri: tcp://127.0.0.1:1883
                """);

        AgentConfig config = AgentConfigLoader.load(file);

        assertThat(config.dataDir()).isEqualTo(Path.of("loa-agent-data", "xa-tan-lap"));
        assertThat(config.heartbeatSeconds()).isEqualTo(30);
        assertThat(config.zones()).containsExactly(new Zone(1, "Vùng 1"));
        assertThat(config.mqtt()).isEqualTo(new MqttSettings("tcp://127.0.0.1:1883", null, null, 30, "loa/v1", 500, 60));
        assertThat(config.relay()).isEqualTo(RelaySettings.simulated());
        assertThat(config.audio()).isEqualTo(AudioSettings.simulated());
        assertThat(config.controller().url()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.cache().maxBytes()).isEqualTo(2_147_483_648L);
        assertThat(config.playout()).isEqualTo(new PlayoutSettings(Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofSeconds(60), AfterReboot.SKIP));
        assertThat(config.metrics()).isEqualTo(new MetricsSettings(null, "127.0.0.1"));
        assertThat(config.metrics().enabled()).isFalse();
        assertThat(config).isEqualTo(AgentConfig.of("xa-tan-lap", "tcp://127.0.0.1:1883",
                Path.of("loa-agent-data", "xa-tan-lap")));
    }

    @Test
    void metricsSectionTurnsThePrometheusEndpointOn() throws IOException {
        Path file = write("""
                station: xa-tan-lap
                mqtt:
                  uri: tcp://127.0.0.1:1883
                metrics:
                  port: 9464
                  host: 0.0.0.0
                """);

        AgentConfig config = AgentConfigLoader.load(file);

        assertThat(config.metrics()).isEqualTo(new MetricsSettings(9464, "0.0.0.0"));
        assertThat(config.metrics().enabled()).isTrue();
        assertThat(config.withHeartbeatSeconds(10).metrics()).isEqualTo(config.metrics());
        Path nullPort = write("station: xa-tan-lap\nmqtt: {uri: 'tcp://h:1883'}\nmetrics: {port: null, host: 127.0.0.1}\n");
        assertThat(AgentConfigLoader.load(nullPort).metrics().enabled()).isFalse();
    }

    @Test
    void alsaAudioSectionParses() throws IOException {
        Path file = write("""
                station: demo-01
                mqtt: { uri: "tcp://127.0.0.1:1883" }
                audio: { output: alsa, device: "plughw:1,0", volume: 0.8, deadAirSeconds: 5, silenceThresholdDb: -45 }
                """);

        AgentConfig config = AgentConfigLoader.load(file);

        assertThat(config.audio()).isEqualTo(new AudioSettings(AudioOutputKind.ALSA, "plughw:1,0", 0.8, 5, -45));
    }

    @Test
    void alsaAudioWithoutDetailsUsesTheDefaultDeviceAtFullVolume() throws IOException {
        Path file = write("""
                station: demo-01
                mqtt: { uri: "tcp://127.0.0.1:1883" }
                audio: { output: alsa, device: null }
                """);

        assertThat(AgentConfigLoader.load(file).audio()).isEqualTo(AudioSettings.alsa());
        assertThat(AudioSettings.alsa()).isEqualTo(new AudioSettings(AudioOutputKind.ALSA, null, 1.0, 10, -50));
    }

    @Test
    void explicitNullsMeanDefaults() throws IOException {
        Path file = write("""
                station: demo-01
                heartbeatSeconds: null
                mqtt: { uri: "tcp://127.0.0.1:1883", username: null, password: null }
                """);

        AgentConfig config = AgentConfigLoader.load(file);

        assertThat(config.heartbeatSeconds()).isEqualTo(30);
        assertThat(config.mqtt().username()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            missing station        | mqtt: {uri: 'tcp://h:1883'}                                  | field 'station' is required
            bad station id         | station: Demo/01\\nmqtt: {uri: 'tcp://h:1883'}               | field 'station': station id must be
            missing mqtt section   | station: demo-01                                              | field 'mqtt.uri' is required
            missing mqtt uri       | station: demo-01\\nmqtt: {keepAliveSeconds: 10}               | field 'mqtt.uri' is required
            bad mqtt uri           | station: demo-01\\nmqtt: {uri: 'http://h'}                    | field 'mqtt.uri' must start with tcp://
            unknown relay driver   | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\nrelay: {driver: x10}  | field 'relay.driver' must be one of [simulated, lcus, modbus], got 'x10'
            unknown audio output   | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\naudio: {output: pulse}  | field 'audio.output' must be one of [simulated, alsa], got 'pulse'
            volume too loud        | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\naudio: {output: alsa, volume: 1.5}  | field 'audio.volume' must be 0.0..1.0, got 1.5
            volume as text         | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\naudio: {volume: loud}  | field 'audio.volume' must be a number, got 'loud'
            dead air zero          | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\naudio: {deadAirSeconds: 0}  | field 'audio.deadAirSeconds' must be 1..3600, got 0
            silence above 0 dB     | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\naudio: {silenceThresholdDb: 3}  | field 'audio.silenceThresholdDb' must be -120..0, got 3.0
            audio typo             | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\naudio: {volumne: 1}  | field 'audio.volumne' is not a known setting
            heartbeat zero         | station: demo-01\\nheartbeatSeconds: 0\\nmqtt: {uri: 'tcp://h:1883'}     | field 'heartbeatSeconds' must be 1..3600, got 0
            heartbeat with unit    | station: demo-01\\nheartbeatSeconds: 30s\\nmqtt: {uri: 'tcp://h:1883'}   | field 'heartbeatSeconds' must be a whole number, got '30s'
            heartbeat fraction     | station: demo-01\\nheartbeatSeconds: 2.5\\nmqtt: {uri: 'tcp://h:1883'}   | field 'heartbeatSeconds' must be a whole number, got 2.5
            keepalive too short    | station: demo-01\\nmqtt: {uri: 'tcp://h:1883', keepAliveSeconds: 1}     | field 'mqtt.keepAliveSeconds' must be 2..600, got 1
            reconnect min too big  | station: demo-01\\nmqtt: {uri: 'tcp://h:1883', reconnectMinMillis: 5000, reconnectMaxSeconds: 2} | field 'mqtt.reconnectMinMillis' (5000 ms) must not exceed
            bad topic root         | station: demo-01\\nmqtt: {uri: 'tcp://h:1883', topicRoot: 'loa/#'}     | field 'mqtt.topicRoot': topic root must be
            misspelt setting       | station: demo-01\\nheartbeatSecond: 10\\nmqtt: {uri: 'tcp://h:1883'}    | field 'heartbeatSecond' is not a known setting
            misspelt mqtt setting  | station: demo-01\\nmqtt: {uri: 'tcp://h:1883', keepalive: 10}          | field 'mqtt.keepalive' is not a known setting
            zone channel too high  | station: demo-01\\nzones: [{channel: 65, name: A}]\\nmqtt: {uri: 'tcp://h:1883'}  | field 'zones[0].channel' must be 1..64, got 65
            zone without name      | station: demo-01\\nzones: [{channel: 1}]\\nmqtt: {uri: 'tcp://h:1883'}           | field 'zones[0].name' is required
            zone channel twice     | station: demo-01\\nzones: [{channel: 1, name: A}, {channel: 1, name: B}]\\nmqtt: {uri: 'tcp://h:1883'} | field 'zones[1].channel': channel 1 is listed twice
            no zones               | station: demo-01\\nzones: []\\nmqtt: {uri: 'tcp://h:1883'}                         | field 'zones' must list at least one zone
            zones not a list       | station: demo-01\\nzones: 1\\nmqtt: {uri: 'tcp://h:1883'}                          | field 'zones' must be a list
            mqtt not a mapping     | station: demo-01\\nmqtt: tcp://h:1883                                                | field 'mqtt' must be a mapping
            controller not http    | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\ncontroller: {url: 'ftp://h'}       | field 'controller.url' must start with http:// or https://
            controller typo        | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\ncontroller: {uri: 'http://h'}      | field 'controller.uri' is not a known setting
            cache too small        | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\ncache: {maxBytes: 1000}            | field 'cache.maxBytes' must be at least 1048576 (1 MiB), got 1000
            cache size with unit   | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\ncache: {maxBytes: 2GB}             | field 'cache.maxBytes' must be a whole number, got '2GB'
            warm-up negative       | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\nplayout: {warmUpSeconds: -1}       | field 'playout.warmUpSeconds' must be 0..60, got -1
            tolerance too long     | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\nplayout: {lateToleranceSeconds: 7200} | field 'playout.lateToleranceSeconds' must be 0..3600, got 7200
            metrics port too high  | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\nmetrics: {port: 70000}           | field 'metrics.port' must be 0..65535 or null (off), got 70000
            metrics port as text   | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\nmetrics: {port: http}            | field 'metrics.port' must be a whole number, got 'http'
            metrics typo           | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\nmetrics: {address: x}           | field 'metrics.address' is not a known setting
            unknown after reboot   | station: demo-01\\nmqtt: {uri: 'tcp://h:1883'}\\nplayout: {afterReboot: replay}    | field 'playout.afterReboot' must be one of [skip, resume], got 'replay'
            """)
    void badFileNamesTheFileAndTheField(String problem, String yaml, String expected) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> AgentConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(expected);
    }

    @Test
    void missingFileIsAConfigError() {
        Path file = dir.resolve("nowhere.yml");

        assertThatThrownBy(() -> AgentConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void unparsableYamlGivesTheLine() throws IOException {
        Path file = write("station: demo-01\nmqtt:\n  uri: [tcp://h:1883\n");

        assertThatThrownBy(() -> AgentConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": not valid YAML at line ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        Path file = write("station: demo-01\nstation: demo-02\nmqtt: {uri: 'tcp://h:1883'}\n");

        assertThatThrownBy(() -> AgentConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("station");
    }

    @Test
    void emptyFileSaysWhatIsNeeded() throws IOException {
        Path file = write("");

        assertThatThrownBy(() -> AgentConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": the file is empty; it needs at least 'station' and 'mqtt.uri'");
    }

    @Test
    void topLevelListIsRefused() throws IOException {
        Path file = write("- station: demo-01\n");

        assertThatThrownBy(() -> AgentConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be a YAML mapping");
    }

    @Test
    void passwordNeverShowsInToString() {
        AgentConfig config = AgentConfig.of("demo-01", "tcp://h:1883", Path.of("d")).withCredentials("demo-01", "s3cret");

        assertThat(config.toString()).doesNotContain("s3cret").contains("password=***");
    }

    @Test
    void withersChangeOneThingAndCheckIt() {
        AgentConfig base = AgentConfig.of("demo-01", "tcp://127.0.0.1:1883", Path.of("data"));

        AgentConfig changed = base.withHeartbeatSeconds(1).withKeepAliveSeconds(2).withTopicRoot("loa/it")
                .withReconnect(50, 2).withZones(List.of(new Zone(2, "B"))).withCredentials("u", "p");

        assertThat(changed.heartbeatSeconds()).isEqualTo(1);
        assertThat(changed.mqtt()).isEqualTo(new MqttSettings("tcp://127.0.0.1:1883", "u", "p", 2, "loa/it", 50, 2));
        assertThat(changed.zones()).containsExactly(new Zone(2, "B"));
        assertThat(changed.station()).isEqualTo(base.station());
        assertThatThrownBy(() -> base.withHeartbeatSeconds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heartbeatSeconds");
        assertThatThrownBy(() -> base.withKeepAliveSeconds(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mqtt.keepAliveSeconds");
    }

    @Test
    void theShippedExampleParses() {
        AgentConfig config = AgentConfigLoader.load(Path.of("../examples/agent.yml"));

        assertThat(config.station()).isEqualTo("demo-01");
        assertThat(config.zones()).hasSize(2);
        assertThat(config.mqtt()).isEqualTo(MqttSettings.of("tcp://127.0.0.1:1883"));
        assertThat(config.controller()).isEqualTo(ControllerSettings.defaults());
        assertThat(config.cache()).isEqualTo(CacheSettings.defaults());
        assertThat(config.playout()).isEqualTo(PlayoutSettings.defaults());
        assertThat(config.metrics()).isEqualTo(MetricsSettings.off());
    }

    @Test
    void theDebianPackagesConfigParsesWithMetricsOff() throws IOException {
        Path file = write(Files.readString(Path.of("src/deb/agent.yml")).replace("station: CHANGE-ME", "station: xa-01"));
        assertThat(AgentConfigLoader.load(file).metrics()).isEqualTo(MetricsSettings.off());
    }
}
