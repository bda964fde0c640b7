package vn.loa.controller.mqtt;

import io.moquette.broker.ClientDescriptor;
import io.moquette.broker.Server;
import io.moquette.broker.config.FluentConfig;
import io.moquette.broker.config.IConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Moquette broker, for a controller that runs alone. In memory: the controller
 * re-sends what stations need when they reconnect, so nothing depends on the broker's store.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Server server = new Server();
    private int port;

    private EmbeddedBroker() {
    }

    /**
     * Starts the broker on host:port (0 picks a free port).
     *
     * @param sessionQueueSize per-session queue; Moquette drops messages silently past it, so size it for the fleet
     * @param maxMessageBytes  largest MQTT packet accepted; larger ones close the sender's connection
     * @param access           who may connect and what each may read and write; anonymous clients are refused
     */
    public static EmbeddedBroker start(String host, int port, int sessionQueueSize, int maxMessageBytes,
                                       BrokerAccess access) {
        EmbeddedBroker broker = new EmbeddedBroker();
        int listenPort = port == 0 ? freePort(host) : port;
        IConfig config = new FluentConfig()
                .host(host)
                .port(listenPort)
                .disablePersistence()
                .disableTelemetry()
                .sessionQueueSize(sessionQueueSize)
                .build();
        config.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(maxMessageBytes));
        config.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        try {
            broker.server.startServer(config, List.of(), null, access, access);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded MQTT broker cannot start on " + host + ":" + port, e);
        }
        broker.port = broker.awaitListening(host, listenPort);
        LOG.info("Embedded MQTT broker listening on {}:{}", host, broker.port);
        return broker;
    }

    /** Moquette binds asynchronously: wait until the port accepts connections. */
    private int awaitListening(String host, int port) {
        String probeHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(probeHost, port), 500);
                return port;
            } catch (IOException e) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        server.stopServer();
        throw new IllegalStateException("the embedded MQTT broker could not listen on " + host + ":" + port
                + " (is the port in use?)");
    }

    /** A free port, for a broker asked to listen on port 0 (Moquette does not report the one it gets). */
    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    /** Drops a station's live connection (its credentials changed); it must log in again. */
    public void disconnectStation(String stationId) {
        List<String> clientIds = BrokerAccess.clientIdsOf(stationId);
        server.listConnectedClients().stream().map(ClientDescriptor::getClientID).filter(clientIds::contains)
                .forEach(clientId -> disconnect(stationId, clientId));
    }

    private void disconnect(String stationId, String clientId) {
        try {
            if (server.disconnectClient(clientId)) {
                LOG.info("Disconnected station {} (client {}) from the embedded broker", stationId, clientId);
            }
        } catch (RuntimeException e) {
            // Moquette 0.18 throws when the connection went away meanwhile (a persistent session, no connection)
            LOG.debug("Station {} (client {}) was gone already: {}", stationId, clientId, e.toString());
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stopServer();
        LOG.info("Embedded MQTT broker stopped");
    }
}
