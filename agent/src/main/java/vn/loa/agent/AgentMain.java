package vn.loa.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.AgentConfigLoader;
import vn.loa.agent.config.ConfigException;

/**
 * {@code java -jar loa-agent.jar --config FILE [--config FILE ...]}: runs one station agent per
 * configuration file (several in one JVM for demos) until the process is stopped; a shutdown
 * hook closes every agent cleanly. {@code --version} prints the version. Usage and configuration
 * errors are one log line and exit code 2.
 */
public final class AgentMain {
    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    private static final Logger log = LoggerFactory.getLogger(AgentMain.class);
    private static final String USAGE = "usage: java -jar loa-agent.jar --config FILE [--config FILE ...] | --version";

    private AgentMain() {
    }

    public static void main(String[] args) {
        int code = run(args, Clock.systemUTC(), new CountDownLatch(1), Runtime.getRuntime()::addShutdownHook);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the agents until {@code stop} is released (in production only the shutdown hook
     * releases it), then closes them. Returns the exit code.
     */
    static int run(String[] args, Clock clock, CountDownLatch stop, Consumer<Thread> shutdownHooks) {
        List<Path> files;
        try {
            files = parse(args);
        } catch (IllegalArgumentException e) {
            log.error("{}; {}", e.getMessage(), USAGE);
            return EXIT_USAGE;
        }
        if (files.isEmpty()) {
            log.info("loa-agent {}", AgentVersion.current());
            return EXIT_OK;
        }
        List<StationAgent> agents = new ArrayList<>();
        try {
            for (AgentConfig config : loadAll(files)) {
                agents.add(StationAgent.start(config, clock));
            }
        } catch (ConfigException e) {
            log.error("{}", e.getMessage());
            closeAll(agents);
            return EXIT_USAGE;
        }
        shutdownHooks.accept(new Thread(() -> {
            closeAll(agents);
            stop.countDown();
        }, "loa-agent-shutdown"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll(agents);
        return EXIT_OK;
    }

    /** The configuration files named on the command line; empty for {@code --version}. */
    static List<Path> parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no configuration file given");
        }
        if (args.length == 1 && args[0].equals("--version")) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].equals("--config")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new IllegalArgumentException("--config needs a file");
            }
            files.add(Path.of(args[++i]));
        }
        return files;
    }

    /** Loads every file before any agent starts; two files for one station are an error. */
    static List<AgentConfig> loadAll(List<Path> files) {
        Map<String, Path> seen = new HashMap<>();
        List<AgentConfig> configs = new ArrayList<>();
        for (Path file : files) {
            AgentConfig config = AgentConfigLoader.load(file);
            Path earlier = seen.putIfAbsent(config.station(), file);
            if (earlier != null) {
                throw new ConfigException(file + ": station '" + config.station() + "' is already configured in " + earlier);
            }
            configs.add(config);
        }
        return configs;
    }

    private static void closeAll(List<StationAgent> agents) {
        agents.parallelStream().forEach(StationAgent::close);
    }
}
