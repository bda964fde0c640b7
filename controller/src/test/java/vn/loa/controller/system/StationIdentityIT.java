package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.Metrics;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestControllers;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.Birth;
import vn.loa.protocol.Channel;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Presence;
import vn.loa.protocol.StationStatus;
import vn.loa.protocol.Topics;
import vn.loa.protocol.Zone;

/**
 * Stations speak only for themselves: the real controller, its embedded broker and Paho clients.
 * Each station logs in with the credentials the controller issued; the broker keeps it to its own
 * topics, and the controller drops what claims another station.
 */
class StationIdentityIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int SUBSCRIBE_FAILED = 0x80;

    @TempDir
    java.nio.file.Path dir;
    private Controller controller;
    private ApiClient api;
    private final Topics topics = Topics.withDefaultRoot();
    private final MessageCodec codec = new MessageCodec();
    private final List<MqttAsyncClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        controller = TestControllers.embedded(dir);
        api = TestControllers.admin(controller);
    }

    @AfterEach
    void stop() {
        for (MqttAsyncClient client : clients) {
            try {
                if (client.isConnected()) {
                    client.disconnectForcibly(1000, 1000);
                }
                client.close(true);
            } catch (MqttException e) {
                // the test is over
            }
        }
        controller.close();
    }

    @Test
    void creatingAStationShowsItsCredentialsOnceAndAuditsThem() {
        long commune = DemoRegistry.communeWithStations(api);
        ApiClient.Answer created = api.post("/api/v1/stations", "{\"id\":\"st-new\",\"areaId\":" + commune
                + ",\"name\":\"Cụm mới\"}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("id").asText()).isEqualTo("st-new");
        assertThat(created.json().path("credentials").path("username").asText()).isEqualTo("st-new");
        assertThat(created.json().path("credentials").path("password").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(api.get("/api/v1/stations/st-new").json().has("credentials")).isFalse();
        assertThat(api.get("/api/v1/stations").text()).doesNotContain("password");
        StationLogins.issue(api, "st-new");
        assertThat(api.get("/api/v1/audit").json().path("entries").findValuesAsText("action"))
                .contains("station.credentials.issue", "station.credentials.rotate");
        assertThat(api.post("/api/v1/stations/st-nobody/credentials", "").status()).isEqualTo(404);
    }

    @Test
    void anonymousUnknownAndWrongPasswordsAreRefused() {
        DemoRegistry.communeWithStations(api, "st-a", "st-b");
        MqttCredentials a = StationLogins.issue(api, "st-a");

        assertRefused(() -> connect("anonymous-1", null, null));
        assertRefused(() -> connect("st-a", "st-a", "wrong-password"));
        assertRefused(() -> connect("st-c", "st-c", a.password()));
        assertRefused(() -> connect("st-b", "st-b", a.password()));
        assertRefused(() -> connect("loa-controller", "_controller", a.password()));
        assertRefused(() -> connect("loa-agent-st-b", "st-a", a.password()));
        assertThat(Metrics.value(api, "loa_mqtt_broker_refusals_total", "what", "login")).isEqualTo(5);
    }

    @Test
    void aStationCannotSubscribeToAnotherStationsCommands() throws Exception {
        DemoRegistry.communeWithStations(api, "st-a", "st-b");
        MqttCredentials a = StationLogins.issue(api, "st-a");
        MqttAsyncClient client = connect("loa-agent-st-a", a.username(), a.password());

        assertThat(grantedQos(client, topics.station("st-b", Channel.COMMANDS))).isEqualTo(SUBSCRIBE_FAILED);
        assertThat(grantedQos(client, topics.allStations(Channel.COMMANDS))).isEqualTo(SUBSCRIBE_FAILED);
        assertThat(grantedQos(client, topics.allStations(Channel.BIRTH))).isEqualTo(SUBSCRIBE_FAILED);
        assertThat(grantedQos(client, "#")).isEqualTo(SUBSCRIBE_FAILED);
        assertThat(grantedQos(client, topics.station("st-a", Channel.COMMANDS))).isEqualTo(1);
        assertThat(grantedQos(client, topics.controllerStatus())).isEqualTo(1);
        assertThat(Metrics.value(api, "loa_mqtt_broker_refusals_total", "what", "subscribe")).isEqualTo(4);
    }

    @Test
    void aStationCannotPublishOnAnotherStationsTopics() throws Exception {
        DemoRegistry.communeWithStations(api, "st-a", "st-b");
        MqttCredentials a = StationLogins.issue(api, "st-a");
        MqttAsyncClient client = connect("st-a", a.username(), a.password());

        // QoS 0: Moquette drops a refused publish without an answer
        client.publish(topics.station("st-b", Channel.BIRTH), birth("st-b"), 0, false).waitForCompletion(5_000);
        // then the station's own birth, on the same connection, in order: once it counts, B's would have
        publishUntilOnline(client, "st-a");

        assertThat(station("st-b").path("status").asText()).isNotEqualTo("online");
        assertThat(Metrics.value(api, "loa_mqtt_broker_refusals_total", "what", "publish")).isEqualTo(1);
        assertThat(station("st-b").path("agentVersion").isMissingNode() || station("st-b").path("agentVersion")
                .isNull()).as(station("st-b").toString()).isTrue();
    }

    @Test
    void aPayloadOnItsOwnTopicClaimingAnotherStationIsDroppedAndCounted() throws Exception {
        DemoRegistry.communeWithStations(api, "st-a", "st-b");
        MqttCredentials a = StationLogins.issue(api, "st-a");
        MqttAsyncClient client = connect("st-a", a.username(), a.password());
        publishUntilOnline(client, "st-a");
        double before = Metrics.value(api, "loa_mqtt_decode_failures_total", "reason", "topic_mismatch");

        client.publish(topics.station("st-a", Channel.BIRTH), birth("st-b"), 1, false).waitForCompletion(5_000);
        client.publish(topics.station("st-a", Channel.HEARTBEAT), codec.encode(heartbeat("st-b")), 1, false)
                .waitForCompletion(5_000);

        await("the impersonation counted").atMost(WAIT).until(() ->
                Metrics.value(api, "loa_mqtt_decode_failures_total", "reason", "topic_mismatch") == before + 2);
        assertThat(station("st-b").path("status").asText()).isNotEqualTo("online");
    }

    @Test
    void rotatedCredentialsStopWorkingAndTheLiveSessionIsDropped() throws Exception {
        DemoRegistry.communeWithStations(api, "st-a");
        MqttCredentials old = StationLogins.issue(api, "st-a");
        MqttAsyncClient client = connect("loa-agent-st-a", old.username(), old.password());

        MqttCredentials fresh = StationLogins.issue(api, "st-a");

        await("the old session dropped").atMost(WAIT).until(() -> !client.isConnected());
        assertRefused(() -> connect("loa-agent-st-a", old.username(), old.password()));
        assertThat(connect("loa-agent-st-a", fresh.username(), fresh.password()).isConnected()).isTrue();
    }

    @Test
    void newCredentialsForAStationAwayWithAPersistentSessionAreIssued() throws Exception {
        DemoRegistry.communeWithStations(api, "st-a");
        MqttCredentials old = StationLogins.issue(api, "st-a");
        MqttAsyncClient client = connect("loa-agent-st-a", old.username(), old.password(), false);
        client.disconnect().waitForCompletion(5_000);

        MqttCredentials fresh = StationLogins.issue(api, "st-a");

        assertRefused(() -> connect("loa-agent-st-a", old.username(), old.password()));
        assertThat(connect("loa-agent-st-a", fresh.username(), fresh.password(), false).isConnected()).isTrue();
    }

    @Test
    void aRetiredStationCannotLogInAnyMore() throws Exception {
        DemoRegistry.communeWithStations(api, "st-a");
        MqttCredentials a = StationLogins.issue(api, "st-a");
        MqttAsyncClient client = connect("st-a", a.username(), a.password());

        assertThat(api.delete("/api/v1/stations/st-a").status()).isEqualTo(204);

        await("the retired station's session dropped").atMost(WAIT).until(() -> !client.isConnected());
        assertRefused(() -> connect("st-a", a.username(), a.password()));
        assertThat(api.get("/api/v1/audit").json().path("entries").findValuesAsText("action"))
                .contains("station.credentials.revoke");
    }

    @Test
    void aStationCannotLeaveAnEmergencyForAnotherStationAsItsLastWill() throws Exception {
        DemoRegistry.communeWithStations(api, "st-a", "st-b");
        MqttCredentials a = StationLogins.issue(api, "st-a");
        MqttCredentials b = StationLogins.issue(api, "st-b");
        MqttAsyncClient stationB = connect("loa-agent-st-b", b.username(), b.password());
        List<String> received = new CopyOnWriteArrayList<>();
        stationB.subscribe(topics.station("st-b", Channel.COMMANDS), 1,
                (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)))
                .waitForCompletion(5_000);
        byte[] forged = codec.encode(emergency("st-b"));

        Throwable refusal = connectWithWillThenDrop(a, topics.station("st-b", Channel.COMMANDS), forged, false);

        await("nothing reaches B").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(received::isEmpty);
        assertNotAuthorized(refusal);
        assertThat(Metrics.value(api, "loa_mqtt_broker_refusals_total", "what", "will")).isEqualTo(1);
    }

    @Test
    void aStationCannotLeaveAnotherStationsOfflineAsItsLastWill() throws Exception {
        DemoRegistry.communeWithStations(api, "st-a", "st-b");
        MqttCredentials a = StationLogins.issue(api, "st-a");
        MqttCredentials b = StationLogins.issue(api, "st-b");
        publishUntilOnline(connect("st-b", b.username(), b.password()), "st-b");
        byte[] offline = codec.encode(new StationStatus(MessageIds.next(), Instant.now(), "st-b", Presence.OFFLINE));

        Throwable onStatus = connectWithWillThenDrop(a, topics.station("st-b", Channel.STATUS), offline, true);
        Throwable onController = connectWithWillThenDrop(a, topics.controllerStatus(), offline, true);

        await("B stays online").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> "online".equals(station("st-b").path("status").asText()));
        assertNotAuthorized(onStatus);
        assertNotAuthorized(onController);
        assertThat(controller.brokerConnected()).isTrue();
    }

    @Test
    void aStationsOwnOfflineWillStillTurnsItOffline() throws Exception {
        DemoRegistry.communeWithStations(api, "st-a");
        MqttCredentials a = StationLogins.issue(api, "st-a");
        Instant connectedAt = Instant.now();
        MqttAsyncClient client = connectWith("loa-agent-st-a", a, will(topics.station("st-a", Channel.STATUS),
                codec.encode(new StationStatus(MessageIds.next(), connectedAt, "st-a", Presence.OFFLINE)), true));
        byte[] online = codec.encode(new StationStatus(MessageIds.next(), connectedAt, "st-a", Presence.ONLINE));
        await("st-a online").atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            client.publish(topics.station("st-a", Channel.STATUS), online, 1, true).waitForCompletion(5_000);
            return "online".equals(station("st-a").path("status").asText());
        });

        client.disconnectForcibly(0, 1_000, false);

        await("st-a offline through its will").atMost(WAIT)
                .until(() -> "offline".equals(station("st-a").path("status").asText()));
    }

    @Test
    void noStationMayBeRegisteredUnderAnAgentsClientId() {
        long commune = DemoRegistry.communeWithStations(api);
        ApiClient.Answer created = api.post("/api/v1/stations", "{\"id\":\"loa-agent-st-b\",\"areaId\":" + commune
                + ",\"name\":\"Giả mạo\"}");

        assertThat(created.status()).as(created.text()).isEqualTo(400);
        assertThat(created.json().path("message").asText()).contains("loa-agent-");
    }

    /**
     * Connects as A with the given last will; if the broker lets it in, drops the connection
     * without a DISCONNECT so that the will fires. The refusal, or null.
     */
    private Throwable connectWithWillThenDrop(MqttCredentials a, String topic, byte[] payload, boolean retained)
            throws MqttException {
        try {
            MqttAsyncClient client = connectWith("loa-agent-st-a", a, will(topic, payload, retained));
            client.disconnectForcibly(0, 1_000, false);
            return null;
        } catch (MqttException e) {
            return e;
        }
    }

    private static MqttConnectOptions will(String topic, byte[] payload, boolean retained) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setWill(topic, payload, 1, retained);
        return options;
    }

    private static void assertNotAuthorized(Throwable refusal) {
        assertThat(refusal).as("the connect with a forged will was let in").isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
    }

    private static Emergency emergency(String station) {
        Instant now = Instant.now();
        return new Emergency(MessageIds.next(), now, station, "em-forged", "Giả mạo", "bl-forged",
                new AudioRef("/audio/" + "5".repeat(64), "5".repeat(64), 44, "wav"), 20_000, 1, 4,
                now.plusSeconds(600), 0, List.of());
    }

    private void publishUntilOnline(MqttAsyncClient client, String station) {
        await(station + " online").atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            client.publish(topics.station(station, Channel.BIRTH), birth(station), 1, false).waitForCompletion(5_000);
            return "online".equals(station(station).path("status").asText());
        });
    }

    private JsonNode station(String id) {
        ApiClient.Answer answer = api.get("/api/v1/stations/" + id);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private byte[] birth(String station) {
        return codec.encode(new Birth(MessageIds.next(), Instant.now(), station, "impostor-test",
                List.of(new Zone(1, "Loa 1")), "Linux", "17", Instant.now(), Instant.now(), 30));
    }

    private static Heartbeat heartbeat(String station) {
        return new Heartbeat(MessageIds.next(), Instant.now(), station, 77, 100L, 0.5, 1000L, 2000L, 3000L, null,
                List.of(), null);
    }

    private static int grantedQos(MqttAsyncClient client, String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 1);
        try {
            token.waitForCompletion(5_000);
        } catch (MqttException e) {
            if (e.getReasonCode() == SUBSCRIBE_FAILED) {
                return SUBSCRIBE_FAILED;
            }
            throw e;
        }
        return token.getGrantedQos()[0];
    }

    private MqttAsyncClient connect(String clientId, String username, String password) throws MqttException {
        return connect(clientId, username, password, true);
    }

    private MqttAsyncClient connect(String clientId, String username, String password, boolean cleanSession)
            throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        }
        return connect(clientId, options);
    }

    private MqttAsyncClient connectWith(String clientId, MqttCredentials login, MqttConnectOptions options)
            throws MqttException {
        options.setUserName(login.username());
        options.setPassword(login.password().toCharArray());
        return connect(clientId, options);
    }

    private MqttAsyncClient connect(String clientId, MqttConnectOptions options) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + controller.embeddedBrokerPort().orElseThrow(),
                clientId, new MemoryPersistence());
        clients.add(client);
        options.setConnectionTimeout(10);
        // one attempt per connect: by default Paho tries MQTT 3.1 again after a refused 3.1.1
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        client.connect(options).waitForCompletion(10_000);
        return client;
    }

    private interface Connect {
        MqttAsyncClient run() throws MqttException;
    }

    private static void assertRefused(Connect connect) {
        assertThatThrownBy(connect::run).isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                .as(e.toString()).isIn((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION,
                        (int) MqttException.REASON_CODE_NOT_AUTHORIZED));
    }
}
