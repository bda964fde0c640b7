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

    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;

    private Mosquitto(Path dir, Path config, int port) {
        this.dir = dir;
        this.config = config;
        this.port = port;
    }

    public static Mosquitto start(Path dir) throws IOException {
        return start(dir, List.of("allow_anonymous true"));
    }

    /**
     * A broker that refuses anonymous clients and checks logins and topics against a Mosquitto
     * {@code password_file} and {@code acl_file} (as {@code ./loa mosquitto-auth} writes them), and
     * names each client after its user ({@code use_username_as_clientid}), as the command advises.
     */
    public static Mosquitto withLogins(Path dir, Path passwordFile, Path aclFile) throws IOException {
        List<String> settings = new java.util.ArrayList<>(List.of("allow_anonymous false", "use_username_as_clientid true",
                "password_file " + passwordFile.toAbsolutePath(), "acl_file " + aclFile.toAbsolutePath()));
        if ("root".equals(System.getProperty("user.name"))) {
            // as root, Mosquitto would become the 'mosquitto' user, who cannot read files of mode 600 owned by root
            settings.add("user root");
        }
        return start(dir, settings);
    }

    private static Mosquitto start(Path dir, List<String> access) throws IOException {
        Path binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
                new IllegalStateException("mosquitto is not installed; the README's test command (./loa test) "
                        + "installs it, or run: apt-get install -y mosquitto"));
        int port = freePort();
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                String.join("\n", access),
                "persistence false",
                // the controller's one connection takes a whole fleet's bursts (examples/controller.yml)
                "max_queued_messages 100000",
                "max_inflight_messages 1000",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                ""));
        Mosquitto mosquitto = new Mosquitto(dir, config, port);
        mosquitto.launch(binary);
        return mosquitto;
    }

    /**
     * A broker whose one listener speaks TLS only, with the given CA, certificate and key (PEM):
     * clients connect to {@code ssl://127.0.0.1:}{@link #port()}.
     */
    public static Mosquitto startTls(Path dir, Path ca, Path certificate, Path key) throws IOException {
        Path binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
                new IllegalStateException("mosquitto is not installed; run: apt-get install -y mosquitto"));
        int port = freePort();
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "cafile " + ca,
                "certfile " + certificate,
                "keyfile " + key,
                // started as root (in containers), Mosquitto would drop to its own user, who cannot read the test key
                "user root",
                "allow_anonymous true",
                "persistence false",
                "log_dest stdout",
                ""));
        Mosquitto mosquitto = new Mosquitto(dir, config, port);
        mosquitto.launch(binary);
        return mosquitto;
    }

    private void launch(Path binary) throws IOException {
        Process started = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                .start();
        process = started;
        await("mosquitto accepting connections on port " + port).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
                    }
                    return accepts(port);
                });
    }

    /** Stops the broker; every client loses its connection. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Starts the broker again on the same port (its state is gone: persistence is off). */
    public void restart() throws IOException {
        launch(CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElseThrow());
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
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
