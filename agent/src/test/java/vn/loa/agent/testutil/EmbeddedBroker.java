package vn.loa.agent.testutil;

import io.moquette.broker.Server;
import io.moquette.broker.config.FluentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

/** A real Moquette broker on 127.0.0.1 for integration tests; restartable on the same port. */
public final class EmbeddedBroker implements AutoCloseable {
    private final Path dataDir;
    private Server server;
    private int port;

    private EmbeddedBroker(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Starts on a free ephemeral port. (Moquette 0.18 binds port 0 fine but reports the bound port
     * asynchronously, so the port is picked first.)
     */
    public static EmbeddedBroker start(Path dataDir) {
        EmbeddedBroker broker = new EmbeddedBroker(dataDir);
        broker.startOn(freePort());
        return broker;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    /** Starts again on the port it had, as a restarted broker would. */
    public synchronized void restart() {
        stop();
        startOn(port);
    }

    private synchronized void startOn(int wanted) {
        Server started = new Server();
        try {
            started.startServer(new FluentConfig()
                    .host("127.0.0.1")
                    .port(wanted)
                    .dataPath(dataDir)
                    .disablePersistence()
                    .disableTelemetry()
                    .build(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = started;
        port = wanted;
    }

    @Override
    public void close() {
        stop();
    }
}
