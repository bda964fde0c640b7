package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.loa.controller.Controller;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.mqtt.StationMessageIngest;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.Metrics;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestControllers;
import vn.loa.protocol.Birth;
import vn.loa.protocol.Channel;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Topics;
import vn.loa.protocol.Zone;

/**
 * Garbage, wrongly typed, oversized and misaddressed payloads on a station's topics are counted
 * and logged once, and the controller goes on processing good messages from that station.
 */
class HostilePayloadsIT {
    private static final String STATION = "st-g";

    @TempDir
    Path dir;

    private Controller controller;
    private MqttClient publisher;
    private ListAppender<ILoggingEvent> log;
    private final Topics topics = Topics.withDefaultRoot();
    private final MessageCodec codec = new MessageCodec();

    @BeforeEach
    void start() throws Exception {
        controller = TestControllers.embedded(dir);
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(StationMessageIngest.class)).addAppender(log);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(StationMessageIngest.class)).detachAppender(log);
        if (publisher != null) {
            publisher.disconnect();
            publisher.close();
        }
        controller.close();
    }

    @Test
    void hostilePayloadsAreCountedLoggedOnceAndDoNotStopGoodHeartbeats() throws Exception {
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, STATION);
        connectAsStation(api);
        // the controller subscribes once its link is up: a birth sent before is lost, so send it until seen
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            publish(Channel.BIRTH, codec.encode(new Birth(MessageIds.next(), Instant.now(), STATION, "test",
                    List.of(new Zone(1, "Loa 1")), "Linux", "17", Instant.now(), Instant.now(), 30)));
            return "online".equals(api.get("/api/v1/stations/" + STATION).json().path("status").asText());
        });
        double malformedBefore = Metrics.value(api, "loa_mqtt_decode_failures_total", "reason", "malformed");

        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[1 + random.nextInt(300)];
            random.nextBytes(garbage);
            garbage[0] = '{';
            publish(Channel.HEARTBEAT, garbage);
        }
        String wronglyTyped = new String(codec.encode(heartbeat(5)), StandardCharsets.UTF_8)
                .replace("\"agentUptimeSeconds\":5", "\"agentUptimeSeconds\":\"five\"");
        publish(Channel.HEARTBEAT, wronglyTyped.getBytes(StandardCharsets.UTF_8));
        byte[] oneMegabyte = new byte[1024 * 1024];
        java.util.Arrays.fill(oneMegabyte, (byte) 'x');
        publish(Channel.HEARTBEAT, oneMegabyte);
        String otherStation = new String(codec.encode(heartbeat(7)), StandardCharsets.UTF_8)
                .replace("\"station\":\"" + STATION + "\"", "\"station\":\"st-other\"");
        publish(Channel.HEARTBEAT, otherStation.getBytes(StandardCharsets.UTF_8));

        long sentAt = System.nanoTime();
        publish(Channel.HEARTBEAT, codec.encode(heartbeat(4242)));
        await("the good heartbeat after the garbage is applied").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> api.get("/api/v1/stations/" + STATION).json().path("uptimeSeconds").asLong() == 4242);
        assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isLessThan(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(Metrics.value(api, "loa_mqtt_decode_failures_total", "reason", "malformed") - malformedBefore)
                    .isGreaterThanOrEqualTo(150);
            assertThat(Metrics.value(api, "loa_mqtt_decode_failures_total", "reason", "wrong_type")).isEqualTo(1);
            assertThat(Metrics.value(api, "loa_mqtt_decode_failures_total", "reason", "oversized")).isEqualTo(1);
            assertThat(Metrics.value(api, "loa_mqtt_decode_failures_total", "reason", "topic_mismatch")).isEqualTo(1);
        });
        long warnings = log.list.stream()
                .filter(event -> event.getLevel() == Level.WARN && event.getFormattedMessage().contains(STATION))
                .count();
        assertThat(warnings).as("problems from one station are logged once a minute").isEqualTo(1);
        assertThat(controller.brokerConnected()).isTrue();
        assertThat(api.get("/healthz").status()).isEqualTo(200);
    }

    private Heartbeat heartbeat(long uptime) {
        return new Heartbeat(MessageIds.next(), Instant.now(), STATION, uptime, 100L, 0.5, 1000L, 2000L, 3000L, null,
                List.of(), null);
    }

    /** The hostile payloads come from the station's own login, on its own topics: the broker lets them through. */
    private void connectAsStation(ApiClient api) throws Exception {
        MqttCredentials credentials = StationLogins.issue(api, STATION);
        publisher = new MqttClient("tcp://127.0.0.1:" + controller.embeddedBrokerPort().orElseThrow(), STATION,
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        options.setUserName(credentials.username());
        options.setPassword(credentials.password().toCharArray());
        publisher.setTimeToWait(10_000);
        publisher.connect(options);
    }

    private void publish(Channel channel, byte[] payload) throws Exception {
        publisher.publish(topics.station(STATION, channel), payload, 1, false);
    }
}
