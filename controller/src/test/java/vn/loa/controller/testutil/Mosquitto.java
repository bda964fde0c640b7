package vn.loa.controller.testutil;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto 2 broker (Debian's {@code mosquitto}) on a free loopback port. Missing
 * Mosquitto fails the test with the command that installs it: it is never skipped.
 */
public final class Mosquitto implements AutoCloseable {
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"));

    private final Process process;
    private final int port;

    private Mosquitto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Mosquitto start(Path dir) throws IOException {
        Path binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
                new IllegalStateException("mosquitto is not installed; the README's test command (./loa test) "
                        + "installs it, or run: apt-get install -y mosquitto"));
        int port = freePort();
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                ""));
        Process process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        Mosquitto mosquitto = new Mosquitto(process, port);
        await("mosquitto accepting connections on port " + port).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
                    }
                    return accepts(port);
                });
        return mosquitto;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
