package vn.loa.controller.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.Mosquitto;
import vn.loa.controller.testutil.TestControllers;

/** The presence scenario on a real Mosquitto 2, the controller in external-broker mode. */
class MosquittoPresenceIT extends StationPresenceScenario {
    private Mosquitto mosquitto;

    @Override
    Controller startController(Path dataDir) throws Exception {
        mosquitto = Mosquitto.start(Files.createDirectories(dataDir.resolveSibling("mosquitto")));
        return TestControllers.external(dataDir, mosquitto.uri());
    }

    @Override
    int brokerPort(Controller controller) {
        return mosquitto.port();
    }

    /**
     * Mosquitto 2.0 also closes a connection idle for 1.5 × its keepalive, but looks for such
     * connections only every 5-6 s (src/keepalive.c: {@code if(last_keepalive_check + 5 < db.now_s)}),
     * so its last wills can come up to 6 s later than the keepalive alone says.
     */
    @Override
    Duration offlineBound() {
        return Duration.ofMillis(1500L * KEEPALIVE_SECONDS + 6000 + 1000);
    }

    @Override
    void stopBroker() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }
}
