package vn.loa.controller.system;

import java.nio.file.Path;
import java.time.Duration;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.TestControllers;

/** The presence scenario on the embedded Moquette broker. */
class EmbeddedBrokerPresenceIT extends StationPresenceScenario {
    @Override
    Controller startController(Path dataDir) {
        return TestControllers.embedded(dataDir);
    }

    @Override
    int brokerPort(Controller controller) {
        return controller.embeddedBrokerPort().orElseThrow();
    }

    /** Moquette closes a connection idle for 1.5 × its keepalive (a Netty idle-state handler). */
    @Override
    Duration offlineBound() {
        return Duration.ofMillis(1500L * KEEPALIVE_SECONDS + 1000);
    }

    @Override
    void stopBroker() {
        // stopped with the controller
    }
}
