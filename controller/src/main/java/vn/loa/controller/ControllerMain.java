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
import vn.loa.controller.auth.UnlockCommand;
import vn.loa.controller.identity.MosquittoAuthCommand;

/**
 * Command line: {@code --config FILE} runs a controller; {@code demo [options]} runs the demo;
 * {@code mosquitto-auth --config FILE --out DIR} writes Mosquitto's password and ACL files;
 * {@code unlock --config FILE --user NAME} lifts an account's login lock.
 * Mistakes in the command or the config end with one clear line and exit code 2.
 */
public final class ControllerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerMain.class);
    private static final String USAGE = "usage: loa-controller --config FILE | loa-controller demo "
            + "[--http-port N] [--mqtt-port N] [--data-dir DIR] [--stations N] [--agent-jar PATH] | "
            + "loa-controller mosquitto-auth --config FILE --out DIR | loa-controller unlock --config FILE --user NAME";

    private ControllerMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("demo")) {
                DemoOptions options = DemoOptions.parse(java.util.Arrays.copyOfRange(args, 1, args.length));
                Demo demo = Demo.start(options, Clock.systemUTC(), System.getenv("LOA_ADMIN_PASSWORD"));
                runUntilStopped(demo::close);
            } else if (args.length == 5 && args[0].equals("unlock") && args[1].equals("--config")
                    && args[3].equals("--user")) {
                UnlockCommand.run(ConfigLoader.load(Path.of(args[2])), args[4], Clock.systemUTC());
            } else if (args.length > 0 && args[0].equals("mosquitto-auth")) {
                mosquittoAuth(java.util.Arrays.copyOfRange(args, 1, args.length));
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
        } catch (ConfigException | IllegalArgumentException | java.io.UncheckedIOException e) {
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

    /** {@code mosquitto-auth --config FILE --out DIR}, the options in any order. */
    private static void mosquittoAuth(String[] options) {
        String config = null;
        String out = null;
        for (int i = 0; i + 1 < options.length; i += 2) {
            switch (options[i]) {
                case "--config" -> config = options[i + 1];
                case "--out" -> out = options[i + 1];
                default -> fail(USAGE);
            }
        }
        if (config == null || out == null || options.length != 4) {
            fail(USAGE);
        }
        MosquittoAuthCommand.run(ConfigLoader.load(Path.of(config)), Path.of(out), Clock.systemUTC());
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
