package vn.loa.controller.system;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.testutil.Mosquitto;
import vn.loa.controller.testutil.TestCertificates;
import vn.loa.controller.testutil.TestControllers;

/** The controller's own link to an external Mosquitto over TLS trusts the broker only through {@code mqtt.caFile}. */
class TlsExternalBrokerIT {
    @TempDir
    Path dir;

    private TestCertificates certificates;
    private Mosquitto mosquitto;
    private Controller controller;

    @BeforeEach
    void startBroker() throws Exception {
        certificates = TestCertificates.create(dir.resolve("tls"));
        mosquitto = Mosquitto.startTls(Files.createDirectories(dir.resolve("mosquitto")), certificates.ca(),
                certificates.certificate(), certificates.privateKey());
    }

    @AfterEach
    void stop() throws Exception {
        if (controller != null) {
            controller.close();
        }
        mosquitto.close();
    }

    @Test
    void controllerConnectsToABrokerWhoseCertificateChainsToItsCaFile() {
        controller = start(certificates.ca());

        await("the controller connected over TLS").atMost(Duration.ofSeconds(30)).until(controller::brokerConnected);
    }

    @Test
    void controllerRefusesABrokerWhoseCertificateComesFromAnotherCa() throws Exception {
        controller = start(TestCertificates.create(dir.resolve("other-ca")).ca());

        await("the controller stays disconnected").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> !controller.brokerConnected());
    }

    private Controller start(Path caFile) {
        ControllerConfig external = ControllerConfig.ephemeral(dir.resolve("controller"))
                .withExternalBroker("ssl://127.0.0.1:" + mosquitto.port());
        return Controller.start(external.withMqtt(external.mqtt().withCaFile(caFile)), Clock.systemUTC(),
                TestControllers.ADMIN_PASSWORD);
    }
}
