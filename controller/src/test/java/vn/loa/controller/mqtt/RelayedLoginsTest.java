package vn.loa.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.metrics.MicrometerControllerMetrics;
import vn.loa.protocol.Topics;

/** On Moquette's loopback port only the controller logs in directly; stations come through the front end. */
class RelayedLoginsTest {
    private final MicrometerControllerMetrics metrics = new MicrometerControllerMetrics();
    private final Map<String, String> passwords = Map.of("st-a", "pass-a");
    private final BrokerAccess access = new BrokerAccess(Topics.withDefaultRoot(),
            new MqttCredentials("_controller", "ctl-pass"), "_loa-controller",
            (station, password) -> password.equals(passwords.get(station)), metrics, Clock.systemUTC());
    private final RelayedLogins logins = new RelayedLogins(access);

    @Test
    void aStationLogsInOnlyThroughTheFrontEnd() {
        assertThat(logins.checkValid("st-a", "st-a", logins.marked(bytes("pass-a")))).isTrue();
        assertThat(logins.checkValid("st-a", "st-a", bytes("pass-a"))).isFalse();
        assertThat(logins.checkValid("st-a", "st-a", logins.marked(bytes("pass-b")))).isFalse();
        assertThat(logins.checkValid("st-a", "st-a", new RelayedLogins(access).marked(bytes("pass-a")))).isFalse();
        assertThat(logins.checkValid("st-a", "st-a", null)).isFalse();
        assertThat(metrics.scrape()).contains("loa_mqtt_broker_refusals_total{what=\"login\"} 4.0");
    }

    @Test
    void theControllerLogsInDirectlyOrThroughTheFrontEnd() {
        assertThat(logins.checkValid("_loa-controller", "_controller", bytes("ctl-pass"))).isTrue();
        assertThat(logins.checkValid("_loa-controller", "_controller", logins.marked(bytes("ctl-pass")))).isTrue();
        assertThat(logins.checkValid("_loa-controller", "_controller", bytes("pass-a"))).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
