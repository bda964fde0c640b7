package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestCertificates;
import vn.loa.controller.testutil.TestControllers;
import vn.loa.protocol.Topics;

/**
 * A controller with TLS on both listeners and no plain MQTT listener: clients that trust the CA
 * get in over TLS (mosquitto_sub, an HTTPS client), plain and untrusting clients do not.
 * {@link TlsAgentIT} has a real station over the same setup.
 */
class TlsIT {
    @TempDir
    Path dir;

    private TestCertificates certificates;
    private Controller controller;

    @BeforeEach
    void start() throws Exception {
        certificates = TestCertificates.create(dir.resolve("tls"));
        controller = startTlsOnly(dir.resolve("controller"), certificates);
    }

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    /** HTTPS on the API port, the embedded broker on a TLS port only, both with the test certificate. */
    static Controller startTlsOnly(Path dataDir, TestCertificates certificates) {
        ControllerConfig withCertificate = ControllerConfig.ephemeral(dataDir)
                .withTls(ControllerConfig.Tls.pem(certificates.certificate(), certificates.privateKey()));
        ControllerConfig config = withCertificate.withMqtt(withCertificate.mqtt().withEmbeddedTls(0, false))
                .withHttpTls(true);
        return Controller.start(config, Clock.systemUTC(), TestControllers.ADMIN_PASSWORD);
    }

    /**
     * How mosquitto_sub logs in: as a station registered for it (the broker refuses anonymous
     * clients; a station may read the controller's status), with its client id and credentials.
     */
    private List<String> mqttLogin() throws Exception {
        MqttCredentials login = stationLogin();
        return List.of("-i", login.username(), "-u", login.username(), "-P", login.password());
    }

    /** A station registered for the test, with its credentials: what the broker would accept. */
    private MqttCredentials stationLogin() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(TestCertificates.trusting(certificates.ca()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        ApiClient api = new ApiClient("https://127.0.0.1:" + controller.httpPort(), trusting)
                .login("admin", TestControllers.ADMIN_PASSWORD);
        DemoRegistry.communeWithStations(api, "st-sub");
        return StationLogins.issue(api, "st-sub");
    }

    @Test
    void mosquittoSubReceivesTheControllersRetainedStatusOverTls() throws Exception {
        await("the controller connected to its broker over TLS").atMost(Duration.ofSeconds(20))
                .until(controller::brokerConnected);
        List<String> command = new ArrayList<>(List.of("mosquitto_sub", "--cafile", certificates.ca().toString(),
                "-h", "127.0.0.1", "-p", Integer.toString(controller.embeddedBrokerTlsPort().orElseThrow()),
                "-t", new Topics(Topics.DEFAULT_ROOT).controllerStatus(), "-C", "1", "-W", "30"));
        command.addAll(mqttLogin());
        Process subscriber = new ProcessBuilder(command).redirectErrorStream(true).start();

        assertThat(subscriber.waitFor(40, TimeUnit.SECONDS)).as("mosquitto_sub ends").isTrue();
        String output = new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(subscriber.exitValue()).as(output).isZero();
        assertThat(output).contains("\"state\":\"online\"");
    }

    @Test
    void plainMqttToTheTlsOnlyListenerIsRefused() throws Exception {
        assertThat(controller.embeddedBrokerPort()).as("no plain listener").isEmpty();
        MqttCredentials login = stationLogin();
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + controller.embeddedBrokerTlsPort().orElseThrow(),
                login.username(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(10);
        options.setUserName(login.username());
        options.setPassword(login.password().toCharArray());
        try {
            assertThatThrownBy(() -> client.connect(options)).isInstanceOf(MqttException.class);
            assertThat(client.isConnected()).isFalse();
        } finally {
            client.close(true);
        }
    }

    @Test
    void httpsClientTrustingTheCaGetsHealthAndLogsIn() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(TestCertificates.trusting(certificates.ca()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        ApiClient api = new ApiClient("https://127.0.0.1:" + controller.httpPort(), trusting);
        await("the controller connected to its broker over TLS").atMost(Duration.ofSeconds(20))
                .until(controller::brokerConnected);

        ApiClient.Answer health = api.get("/healthz");
        assertThat(health.status()).as(health.text()).isEqualTo(200);
        api.login("admin", TestControllers.ADMIN_PASSWORD);
        ApiClient.Answer stations = api.get("/api/v1/stations");
        assertThat(stations.status()).as(stations.text()).isEqualTo(200);
    }

    @Test
    void plainHttpToTheHttpsPortFails() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controller.httpPort() + "/healthz"))
                .timeout(Duration.ofSeconds(20)).build();

        assertThatThrownBy(() -> plain.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void clientThatDoesNotTrustTheCaFailsTheHandshake() throws Exception {
        Path otherCa = TestCertificates.create(dir.resolve("other-ca")).ca();
        URI health = URI.create("https://127.0.0.1:" + controller.httpPort() + "/healthz");
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(20)).build();

        HttpClient untrusting = HttpClient.newBuilder().sslContext(TestCertificates.trusting(otherCa)).build();
        assertThatThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        HttpClient jvmDefaults = HttpClient.newHttpClient();
        assertThatThrownBy(() -> jvmDefaults.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }
}
