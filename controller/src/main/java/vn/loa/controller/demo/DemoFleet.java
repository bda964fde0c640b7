package vn.loa.controller.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.registry.Station;
import vn.loa.protocol.Zone;

/**
 * The demo's station agents: one config file per station, all run by one agent JVM (the real
 * agent code, with simulated relays and audio), its log in the data folder.
 */
final class DemoFleet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoFleet.class);

    private final Process process;

    private DemoFleet(Process process) {
        this.process = process;
    }

    static DemoFleet start(Path agentJar, Path dataDir, List<Station> stations, Map<String, MqttCredentials> logins,
                           int mqttPort, int httpPort) {
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalArgumentException("the agent jar " + agentJar + " is missing: build it with "
                    + "'mvn -pl agent -am package' or pass --agent-jar");
        }
        try {
            Path configs = Files.createDirectories(dataDir.resolve("agents"));
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx96m", "-jar",
                    agentJar.toAbsolutePath().toString()));
            for (Station station : stations) {
                Path config = configs.resolve(station.id() + ".yml");
                writePrivate(config, configOf(station, logins.get(station.id()), dataDir, mqttPort, httpPort));
                command.add("--config");
                command.add(config.toAbsolutePath().toString());
            }
            Path log = dataDir.resolve("agents.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            LOG.info("Started {} simulated station agent(s); their log is {}", stations.size(), log.toAbsolutePath());
            return new DemoFleet(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo agents: " + e.getMessage(), e);
        }
    }

    /** The file holds the station's password: readable by its owner only. */
    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String configOf(Station station, MqttCredentials login, Path dataDir, int mqttPort,
                                   int httpPort) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Demo station agent, written by './loa demo'. Simulated relays and audio.\n");
        yaml.append("station: ").append(station.id()).append('\n');
        yaml.append("dataDir: ").append(dataDir.resolve("agents").resolve(station.id()).toAbsolutePath()).append('\n');
        yaml.append("heartbeatSeconds: 10\n");
        yaml.append("zones:\n");
        for (Zone zone : station.zones()) {
            yaml.append("  - { channel: ").append(zone.channel()).append(", name: \"").append(zone.name())
                    .append("\" }\n");
        }
        yaml.append("mqtt:\n  uri: tcp://127.0.0.1:").append(mqttPort).append('\n');
        yaml.append("  username: ").append(login.username()).append('\n');
        yaml.append("  password: \"").append(login.password()).append("\"\n");
        yaml.append("  keepAliveSeconds: 10\n");
        yaml.append("controller:\n  url: http://127.0.0.1:").append(httpPort).append('\n');
        yaml.append("relay: { driver: simulated }\naudio: { output: simulated }\n");
        return yaml.toString();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
