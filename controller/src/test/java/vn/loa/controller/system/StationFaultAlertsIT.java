package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestControllers;
import vn.loa.protocol.Birth;
import vn.loa.protocol.Channel;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Severity;
import vn.loa.protocol.StationEvent;
import vn.loa.protocol.Topics;
import vn.loa.protocol.Zone;

/**
 * Fault alerts from what stations report, published by a client logged in as the station with the
 * protocol codec (the events the agent's relay board and player send): {@code relay-fault} opens an
 * alert that {@code relay-recovered} resolves; {@code dead-air} opens one, seen in its area's list
 * and in the faults report.
 */
class StationFaultAlertsIT {
    @TempDir
    Path dir;

    private final MessageCodec codec = new MessageCodec();
    private Controller controller;
    private MqttClient station;

    @AfterEach
    void stop() throws Exception {
        if (station != null) {
            station.disconnect();
            station.close();
        }
        if (controller != null) {
            controller.close();
        }
    }

    private ApiClient start() {
        ControllerConfig.Health health = new ControllerConfig.Health(0, 2000, 5, 0, 150.0, 10, 60, 10, List.of());
        controller = Controller.start(ControllerConfig.ephemeral(dir.resolve("controller")).withHealth(health),
                Clock.systemUTC(), TestControllers.ADMIN_PASSWORD);
        return TestControllers.admin(controller);
    }

    @Test
    void aRelayFaultReportedByAStationOpensAnAlertThatARecoveryResolves() throws Exception {
        ApiClient api = start();
        DemoRegistry.communeWithStations(api, "st-relay");
        connectAs(api, "st-relay");
        online("st-relay", api);
        publish("st-relay", Channel.EVENTS, codec.encode(new StationEvent(MessageIds.next(), Instant.now(),
                "st-relay", "relay-fault", Severity.FAULT, "lcus relay board on /dev/ttyUSB0: no serial port")));
        await("relay-fault alert").atMost(Duration.ofSeconds(10)).until(() ->
                HealthAlertsIT.alert(api, "st-relay", "relay-fault", "open").isPresent());

        publish("st-relay", Channel.EVENTS, codec.encode(new StationEvent(MessageIds.next(), Instant.now(),
                "st-relay", "relay-recovered", Severity.INFO, "lcus relay board answers again")));
        await("relay-fault resolved").atMost(Duration.ofSeconds(10)).until(() ->
                HealthAlertsIT.alert(api, "st-relay", "relay-fault", "resolved").isPresent());
        assertThat(HealthAlertsIT.alert(api, "st-relay", "relay-fault", "open")).isEmpty();
    }

    private void online(String stationId, ApiClient api) {
        await(stationId + " online").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            publish(stationId, Channel.BIRTH, codec.encode(new Birth(MessageIds.next(), Instant.now(), stationId,
                    "test", List.of(new Zone(1, "Loa 1")), "Linux", "17", Instant.now(), Instant.now(), 30)));
            return "online".equals(api.get("/api/v1/stations/" + stationId).json().path("status").asText());
        });
    }

    @Test
    void deadAirReportedByAStationRaisesDeadAir() throws Exception {
        ApiClient api = start();
        long commune = DemoRegistry.communeWithStations(api, "st-air");
        connectAs(api, "st-air");
        online("st-air", api);
        publish("st-air", Channel.EVENTS, codec.encode(new StationEvent(MessageIds.next(), Instant.now(), "st-air",
                "dead-air", Severity.FAULT, "no audio for 10 s during broadcast b-1")));

        await("dead-air alert").atMost(Duration.ofSeconds(10)).until(() ->
                HealthAlertsIT.alert(api, "st-air", "dead-air", "open").isPresent());
        assertThat(HealthAlertsIT.alert(api, "st-air", "dead-air", "open").orElseThrow().path("detail").asText())
                .isEqualTo("no audio for 10 s during broadcast b-1");
        ApiClient.Answer inArea = api.get("/api/v1/alerts?area=" + commune + "&rule=dead-air&state=open");
        assertThat(inArea.json().path("alerts").size()).as(inArea.text()).isEqualTo(1);
        String text = new String(api.get("/api/v1/reports/faults?format=csv").raw().body()
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(text).contains("st-air,dead-air,1,0,1,,");
    }

    private void connectAs(ApiClient api, String stationId) throws Exception {
        MqttCredentials credentials = StationLogins.issue(api, stationId);
        station = new MqttClient("tcp://127.0.0.1:" + controller.embeddedBrokerPort().orElseThrow(), stationId,
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setUserName(credentials.username());
        options.setPassword(credentials.password().toCharArray());
        station.setTimeToWait(10_000);
        station.connect(options);
    }

    private void publish(String stationId, Channel channel, byte[] payload) {
        try {
            station.publish(Topics.withDefaultRoot().station(stationId, channel), payload, 1, false);
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            throw new AssertionError("could not publish as " + stationId + ": " + e, e);
        }
    }
}
