package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.agent.config.AgentConfig;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.identity.MosquittoAuthCommand;
import vn.loa.controller.identity.MosquittoAuthFiles;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.Mosquitto;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestControllers;
import vn.loa.protocol.Birth;
import vn.loa.protocol.Channel;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Topics;
import vn.loa.protocol.Zone;

/**
 * The password and ACL files of {@code ./loa mosquitto-auth} with a real Mosquitto 2: the
 * controller logs in as its own user, a station with its issued credentials works end to end and
 * is kept off other stations' topics, and anonymous clients are refused.
 */
class MosquittoIdentityIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CONTROLLER_USER = "_controller";
    private static final String CONTROLLER_PASSWORD = "controller-secret-for-the-test";

    @TempDir
    Path dir;
    private Mosquitto mosquitto;
    private Controller controller;
    private StationAgent agent;
    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final Topics topics = Topics.withDefaultRoot();

    @AfterEach
    void stop() throws Exception {
        for (MqttAsyncClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(1000, 1000);
            }
            client.close(true);
        }
        if (agent != null) {
            agent.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void generatedFilesLetTheControllerAndEachStationInOnTheirOwnTopicsOnly() throws Exception {
        Map<String, MqttCredentials> logins = startOnGeneratedFiles();
        ApiClient api = TestControllers.admin(controller);

        agent = StationAgent.start(AgentConfig.of("st-a", mosquitto.uri(), dir.resolve("agent-st-a"))
                .withHeartbeatSeconds(1).withControllerUrl("http://127.0.0.1:" + controller.httpPort())
                .withCredentials("st-a", logins.get("st-a").password()), Clock.systemUTC());
        await("st-a online through Mosquitto").atMost(WAIT).until(() -> "online".equals(status(api, "st-a")));

        assertRefused(() -> connect("anonymous", null, null));
        assertRefused(() -> connect("st-c-guess", "st-c", "not-its-password"));
        assertRefused(() -> connect("old-controller", CONTROLLER_USER, "not-its-password"));

        stationKeptToItsOwnTopics(api, logins.get("st-c"));
    }

    @Test
    void aStationUsingTheControllersClientIdDoesNotPushTheControllerOff() throws Exception {
        Map<String, MqttCredentials> logins = startOnGeneratedFiles();

        // use_username_as_clientid: Mosquitto names the client after its user, st-b, whatever it asks for
        connect(controller.config().mqtt().clientId(), "st-b", logins.get("st-b").password());

        // atMost barely over during: a drop in the first half second (the controller's link reconnects
        // within about a second) leaves no time for three connected seconds in a row
        await("the controller stays connected").during(Duration.ofSeconds(3)).atMost(Duration.ofMillis(3500))
                .pollInterval(Duration.ofMillis(50)).until(controller::brokerConnected);
    }

    /** Enrols st-a, st-b and st-c, writes the files, starts Mosquitto on them and the controller on it. */
    private Map<String, MqttCredentials> startOnGeneratedFiles() throws Exception {
        Path data = dir.resolve("controller");
        Map<String, MqttCredentials> logins = enrol(data, "st-a", "st-b", "st-c");
        ControllerConfig config = ControllerConfig.ephemeral(data).withExternalBroker("tcp://127.0.0.1:1");
        config = config.withMqtt(config.mqtt().withCredentials(CONTROLLER_USER, CONTROLLER_PASSWORD));
        Path out = dir.resolve("mosquitto-auth");

        assertThat(MosquittoAuthCommand.run(config, out, Clock.systemUTC())).isEqualTo(3);

        Path passwd = out.resolve(MosquittoAuthFiles.PASSWORD_FILE);
        Path acl = out.resolve(MosquittoAuthFiles.ACL_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwd))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(acl))).isEqualTo("rw-------");
        assertThat(Files.readString(passwd)).doesNotContain(CONTROLLER_PASSWORD)
                .doesNotContain(logins.get("st-a").password());
        mosquitto = Mosquitto.withLogins(Files.createDirectories(dir.resolve("mosquitto")), passwd, acl);
        controller = Controller.start(config.withExternalBroker(mosquitto.uri()), Clock.systemUTC(),
                TestControllers.ADMIN_PASSWORD);
        await("the controller logged in to Mosquitto").atMost(WAIT).until(controller::brokerConnected);
        return logins;
    }

    /** st-c (no agent running) neither reads st-b's commands nor gets a birth for st-b to the controller. */
    private void stationKeptToItsOwnTopics(ApiClient api, MqttCredentials c) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        MqttAsyncClient station = connect("st-c-probe", c.username(), c.password());
        station.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                received.add(topic);
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        // Mosquitto grants a denied subscription and then delivers nothing on it
        station.subscribe(new String[] {topics.station("st-b", Channel.COMMANDS), topics.station("st-c", Channel.COMMANDS)},
                new int[] {1, 1}).waitForCompletion(5_000);
        MqttAsyncClient operator = connect("test-controller-user", CONTROLLER_USER, CONTROLLER_PASSWORD);
        byte[] note = "test".getBytes(StandardCharsets.UTF_8);
        operator.publish(topics.station("st-b", Channel.COMMANDS), note, 1, false).waitForCompletion(5_000);
        operator.publish(topics.station("st-c", Channel.COMMANDS), note, 1, false).waitForCompletion(5_000);
        // under the controller's user it is the controller's client (use_username_as_clientid): leave at once
        operator.disconnect().waitForCompletion(5_000);
        await("st-c's own command arrives").atMost(WAIT).until(() -> received.contains(
                topics.station("st-c", Channel.COMMANDS)));
        assertThat(received).doesNotContain(topics.station("st-b", Channel.COMMANDS));

        MessageCodec codec = new MessageCodec();
        station.publish(topics.station("st-b", Channel.BIRTH), codec.encode(birth("st-b")), 1, false)
                .waitForCompletion(5_000);
        // the operator's login took the controller's client id, so Mosquitto dropped the controller;
        // it logs in again with a backoff of up to 30 s (more if the two met again): wait for that too
        await("st-c online by its own birth").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
            station.publish(topics.station("st-c", Channel.BIRTH), codec.encode(birth("st-c")), 1, false)
                    .waitForCompletion(5_000);
            return "online".equals(status(api, "st-c"));
        });
        assertThat(status(api, "st-b")).isNotEqualTo("online");
    }

    /** Registers the stations through a first controller run (embedded broker) and issues their credentials. */
    private static Map<String, MqttCredentials> enrol(Path data, String... stations) {
        Map<String, MqttCredentials> logins = new HashMap<>();
        try (Controller first = TestControllers.embedded(data)) {
            ApiClient api = TestControllers.admin(first);
            DemoRegistry.communeWithStations(api, stations);
            for (String station : stations) {
                logins.put(station, StationLogins.issue(api, station));
            }
        }
        return logins;
    }

    private static String status(ApiClient api, String station) {
        return api.get("/api/v1/stations/" + station).json().path("status").asText();
    }

    private static Birth birth(String station) {
        return new Birth(MessageIds.next(), Instant.now(), station, "mosquitto-test", List.of(new Zone(1, "Loa 1")),
                "Linux", "17", Instant.now(), Instant.now(), 30);
    }

    private MqttAsyncClient connect(String clientId, String username, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(mosquitto.uri(), clientId, new MemoryPersistence());
        clients.add(client);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        }
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
