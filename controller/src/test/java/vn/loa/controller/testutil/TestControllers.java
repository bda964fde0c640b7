package vn.loa.controller.testutil;

import java.nio.file.Path;
import java.time.Clock;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;

/** Controllers for tests: loopback, ephemeral ports, a known admin password. */
public final class TestControllers {
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private TestControllers() {
    }

    public static Controller embedded(Path dataDir) {
        return Controller.start(ControllerConfig.ephemeral(dataDir), Clock.systemUTC(), ADMIN_PASSWORD);
    }

    public static Controller external(Path dataDir, String brokerUri) {
        return Controller.start(ControllerConfig.ephemeral(dataDir).withExternalBroker(brokerUri), Clock.systemUTC(),
                ADMIN_PASSWORD);
    }

    public static ApiClient admin(Controller controller) {
        return new ApiClient(controller.httpPort()).login("admin", ADMIN_PASSWORD);
    }
}
