package vn.loa.controller;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.config.ConfigException;
import vn.loa.controller.config.ConfigLoader;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.demo.Demo;
import vn.loa.controller.demo.DemoOptions;

/**
 * Command line: {@code --config FILE} runs a controller; {@code demo [options]} runs the demo.
 * Mistakes in the command or the config end with one clear line and exit code 2.
 */
public final class ControllerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerMain.class);
    private static final String USAGE = "usage: loa-controller --config FILE | loa-controller demo "
            + "[--http-port N] [--mqtt-port N] [--data-dir DIR] [--stations N] [--agent-jar PATH]";

    private ControllerMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("demo")) {
                DemoOptions options = DemoOptions.parse(java.util.Arrays.copyOfRange(args, 1, args.length));
                Demo demo = Demo.start(options, Clock.systemUTC(), System.getenv("LOA_ADMIN_PASSWORD"));
                runUntilStopped(demo::close);
            } else if (args.length == 2 && args[0].equals("--config")) {
                ControllerConfig config = ConfigLoader.load(Path.of(args[1]));
                Controller controller = start(args[1], config);
                controller.generatedAdminPassword().ifPresent(password -> LOG.warn(
                        "First start: the 'admin' account was created with the password {} — it is shown only "
                                + "this once: keep it somewhere safe", password));
                runUntilStopped(controller::close);
            } else {
                fail(USAGE);
            }
        } catch (ConfigException | IllegalArgumentException e) {
            fail(e.getMessage());
        }
    }

    /** Starts the controller; a certificate file it cannot use is named with the config file. */
    private static Controller start(String configFile, ControllerConfig config) {
        try {
            return Controller.start(config, Clock.systemUTC(), System.getenv("LOA_ADMIN_PASSWORD"));
        } catch (ConfigException e) {
            throw new ConfigException(configFile + ": " + e.getMessage(), e);
        }
    }

    private static void runUntilStopped(Runnable stop) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "loa-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(String message) {
        LOG.error("{}", message);
        System.exit(2);
    }
}
