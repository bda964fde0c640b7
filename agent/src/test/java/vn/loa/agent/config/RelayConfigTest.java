package vn.loa.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code relay} section of an agent's file. */
class RelayConfigTest {
    @TempDir
    Path dir;

    private AgentConfig load(String relay) throws IOException {
        Path file = dir.resolve("agent.yml");
        Files.writeString(file, "station: demo-01\nmqtt: { uri: tcp://127.0.0.1:1883 }\n" + relay,
                StandardCharsets.UTF_8);
        return AgentConfigLoader.load(file);
    }

    @Test
    void modbusSectionParsesEveryField() throws IOException {
        RelaySettings relay = load("""
                zones: [{ channel: 1, name: A }, { channel: 2, name: B }]
                relay:
                  driver: modbus
                  port: /dev/ttyUSB0
                  baud: 19200
                  address: 3
                  channels: { 1: 2, 2: 5 }
                  echoTimeoutMillis: 250
                """).relay();

        assertThat(relay).isEqualTo(new RelaySettings(RelayDriver.MODBUS, Path.of("/dev/ttyUSB0"), 19200, 3,
                Map.of(1, 2, 2, 5), Duration.ofMillis(250)));
        assertThat(relay.relayChannel(2)).isEqualTo(5);
        assertThat(relay.relayChannel(7)).as("a zone not in the map is on its own number").isEqualTo(7);
    }

    @Test
    void lcusNeedsOnlyItsPort() throws IOException {
        RelaySettings relay = load("relay: { driver: lcus, port: /dev/ttyUSB1 }\n").relay();

        assertThat(relay.driver()).isEqualTo(RelayDriver.LCUS);
        assertThat(relay.baud()).isEqualTo(9600);
        assertThat(relay.echoTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(relay.channels()).isEmpty();
    }

    @Test
    void serialDriverWithoutAPortIsRefused() {
        assertThatThrownBy(() -> load("relay: { driver: lcus }\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'relay.port' is required");
    }

    @Test
    void unknownDriverNamesTheChoices() {
        assertThatThrownBy(() -> load("relay: { driver: gpio, port: /dev/x }\n"))
                .hasMessageContaining("[simulated, lcus, modbus]");
    }

    @Test
    void badValuesNameTheField() {
        assertThatThrownBy(() -> load("relay: { driver: modbus, port: /dev/x, address: 0 }\n"))
                .hasMessageContaining("'relay.address' must be 1..247");
        assertThatThrownBy(() -> load("relay: { driver: modbus, port: /dev/x, channels: { one: 1 } }\n"))
                .hasMessageContaining("'relay.channels.one'");
        assertThatThrownBy(() -> load("relay: { driver: modbus, port: /dev/x, channels: { 1: 0 } }\n"))
                .hasMessageContaining("'relay.channels.1' must be 1..");
        assertThatThrownBy(() -> load("relay: { driver: modbus, port: /dev/x, echoTimeoutMillis: 5 }\n"))
                .hasMessageContaining("'relay.echoTimeoutMillis'");
    }

    @Test
    void channelMapMustNameTheStationsZonesAndFitTheBoard() {
        assertThatThrownBy(() -> load("relay: { driver: modbus, port: /dev/x, channels: { 2: 1 } }\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'relay.channels.2': the station has no zone 2");
        assertThatThrownBy(() -> load("relay: { driver: lcus, port: /dev/x, channels: { 1: 9 } }\n"))
                .hasMessageContaining("relays 1..8");
    }
}
