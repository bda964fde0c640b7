package vn.loa.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.moquette.broker.subscriptions.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.metrics.MicrometerControllerMetrics;
import vn.loa.protocol.Channel;
import vn.loa.protocol.Topics;

class BrokerAccessTest {
    private static final Topics TOPICS = Topics.withDefaultRoot();
    private final MicrometerControllerMetrics metrics = new MicrometerControllerMetrics();
    private final Map<String, String> passwords = Map.of("st-a", "pass-a", "st-b", "pass-b",
            "loa-controller", "pass-lc", "loa-agent-st-b", "pass-lab");
    private final BrokerAccess access = new BrokerAccess(TOPICS, new MqttCredentials("_controller", "ctl-pass"), "loa-controller",
            (station, password) -> password.equals(passwords.get(station)), metrics, Clock.systemUTC());

    @Test
    void letsInOnlyKnownUsersWithTheirPasswords() {
        assertThat(access.checkValid("loa-controller", "_controller", bytes("ctl-pass"))).isTrue();
        assertThat(access.checkValid("loa-controller", "_controller", bytes("pass-a"))).isFalse();
        assertThat(access.checkValid("loa-agent-st-a", "st-a", bytes("pass-a"))).isTrue();
        assertThat(access.checkValid("st-a", "st-a", bytes("pass-a"))).isTrue();
        assertThat(access.checkValid("loa-agent-st-a", "st-a", bytes("pass-b"))).isFalse();
        assertThat(access.checkValid("loa-agent-st-c", "st-c", bytes("anything"))).isFalse();
        assertThat(access.checkValid("loa-agent-st-a", "st-a", null)).isFalse();
        assertThat(access.checkValid("x", null, null)).isFalse();
        assertThat(metrics.scrape()).contains("loa_mqtt_broker_refusals_total{what=\"login\"} 5.0");
    }

    @Test
    void aStationCannotTakeOverAnotherClientsSession() {
        assertThat(access.checkValid("loa-agent-st-b", "st-a", bytes("pass-a"))).isFalse();
        assertThat(access.checkValid("loa-controller", "st-a", bytes("pass-a"))).isFalse();
    }

    @Test
    void aStationRegisteredUnderAnotherClientsIdCannotUseIt() {
        // registered before such ids were refused: as the controller's client id, as station B's agent
        assertThat(access.checkValid("loa-controller", "loa-controller", bytes("pass-lc"))).isFalse();
        assertThat(access.checkValid("loa-agent-st-b", "loa-agent-st-b", bytes("pass-lab"))).isFalse();
        assertThat(access.checkValid("loa-agent-loa-agent-st-b", "loa-agent-st-b", bytes("pass-lab"))).isTrue();
        assertThat(access.checkValid("loa-agent-loa-controller", "loa-controller", bytes("pass-lc"))).isTrue();
        assertThat(access.checkValid("loa-controller", "_controller", bytes("ctl-pass"))).isTrue();
    }

    @Test
    void aLastWillIsOnlyTheStationsOwnStatus() {
        assertThat(access.allowsWill("st-a", TOPICS.station("st-a", Channel.STATUS))).isTrue();
        assertThat(access.allowsWill("_controller", TOPICS.controllerStatus())).isTrue();
        assertThat(access.allowsWill("st-a", TOPICS.station("st-b", Channel.STATUS))).isFalse();
        assertThat(access.allowsWill("st-a", TOPICS.station("st-b", Channel.COMMANDS))).isFalse();
        assertThat(access.allowsWill("st-a", TOPICS.station("st-a", Channel.COMMANDS))).isFalse();
        assertThat(access.allowsWill("st-a", TOPICS.station("st-a", Channel.BIRTH))).isFalse();
        assertThat(access.allowsWill("st-a", TOPICS.controllerStatus())).isFalse();
        assertThat(access.allowsWill("_controller", TOPICS.station("st-a", Channel.COMMANDS))).isFalse();
        assertThat(access.allowsWill(null, TOPICS.station("st-a", Channel.STATUS))).isFalse();
        assertThat(access.allowsWill("Not A Station", "anything")).isFalse();
        assertThat(metrics.scrape()).contains("loa_mqtt_broker_refusals_total{what=\"will\"} 8.0");
    }

    @Test
    void aStationWritesOnlyItsOwnChannelsTowardsTheController() {
        for (Channel channel : Channel.values()) {
            boolean fromStation = channel.direction() == Channel.Direction.FROM_STATION;
            assertThat(access.canWrite(topic(TOPICS.station("st-a", channel)), "st-a", "st-a")).isEqualTo(fromStation);
            assertThat(access.canWrite(topic(TOPICS.station("st-b", channel)), "st-a", "st-a")).isFalse();
        }
        assertThat(access.canWrite(topic(TOPICS.controllerStatus()), "st-a", "st-a")).isFalse();
        assertThat(access.canWrite(topic("elsewhere/topic"), "st-a", "st-a")).isFalse();
        assertThat(access.canWrite(topic(TOPICS.station("st-b", Channel.COMMANDS)), "_controller", "c")).isTrue();
    }

    @Test
    void aStationReadsOnlyItsCommandsAndTheControllerStatus() {
        assertThat(access.canRead(topic(TOPICS.station("st-a", Channel.COMMANDS)), "st-a", "st-a")).isTrue();
        assertThat(access.canRead(topic(TOPICS.controllerStatus()), "st-a", "st-a")).isTrue();
        assertThat(access.canRead(topic(TOPICS.station("st-b", Channel.COMMANDS)), "st-a", "st-a")).isFalse();
        assertThat(access.canRead(topic(TOPICS.allStations(Channel.COMMANDS)), "st-a", "st-a")).isFalse();
        assertThat(access.canRead(topic("loa/v1/#"), "st-a", "st-a")).isFalse();
        assertThat(access.canRead(topic("#"), "st-a", "st-a")).isFalse();
        assertThat(access.canRead(topic(TOPICS.station("st-a", Channel.BIRTH)), "st-a", "st-a")).isFalse();
        assertThat(access.canRead(topic("#"), "_controller", "c")).isTrue();
        assertThat(access.canRead(topic("#"), null, "c")).isFalse();
    }

    private static Topic topic(String name) {
        return new Topic(name);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
