package vn.loa.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.controller.bench.FleetLogins;
import vn.loa.protocol.Topics;

/** The real Moquette behind its front end: stations in through the public port only. */
class EmbeddedBrokerIT {
    private final FleetLogins logins = FleetLogins.generated(List.of("st-a"));
    private final EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, 64, 64 * 1024,
            logins.access(Topics.withDefaultRoot()));
    private final List<MqttAsyncClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws MqttException {
        for (MqttAsyncClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(1000, 1000);
            }
            client.close(true);
        }
        broker.close();
    }

    @Test
    void aStationLogsInThroughThePublicPortButNotOnMoquettesLoopbackPort() throws MqttException {
        String password = logins.passwordOf("st-a");

        assertThat(connect(broker.port(), "st-a", password).isConnected()).isTrue();
        assertThatThrownBy(() -> connect(broker.loopbackPort(), "st-a", password))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
        assertThat(connect(broker.loopbackPort(), logins.controller().username(), logins.controller().password())
                .isConnected()).isTrue();
    }

    private MqttAsyncClient connect(int port, String username, String password) throws MqttException {
        String clientId = username.startsWith("_") ? "_loa-controller" : username;
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        clients.add(client);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        client.connect(options).waitForCompletion(10_000);
        return client;
    }
}
