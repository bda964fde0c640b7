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
 * Moquette listens on loopback only, behind our front end ({@link BrokerFrontEnd}) on the public
 * plain and TLS ports, which refuses a CONNECT whose last will a station may not leave (Moquette
 * 0.18 publishes any will without asking the access policy). The controller's own link connects
 * to Moquette's loopback port ({@link #loopbackPort()}), where no one else may log in directly.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Server server = new Server();
    private BrokerFrontEnd frontEnd;
    private int loopbackPort = -1;
    private int port = -1;
    private int tlsPort = -1;

    private EmbeddedBroker() {
    }

    /** A broker with a plain listener only. */
    public static EmbeddedBroker start(String host, int port, int sessionQueueSize, int maxMessageBytes,
                                       BrokerAccess access) {
        return start(host, port, sessionQueueSize, maxMessageBytes, null, access);
    }

    /**
     * Starts the broker on host:port (0 picks a free port), with a TLS listener when {@code tls} is
     * not null (and no plain one when it says so).
     *
     * @param sessionQueueSize per-session queue; Moquette drops messages silently past it, so size it for the fleet
     * @param maxMessageBytes  largest MQTT packet accepted; larger ones close the sender's connection
     * @param access           who may connect and what each may read and write; anonymous clients are refused
     */
    public static EmbeddedBroker start(String host, int port, int sessionQueueSize, int maxMessageBytes,
                                       BrokerTls tls, BrokerAccess access) {
        EmbeddedBroker broker = new EmbeddedBroker();
        int loopbackPort = freePort(LOOPBACK);
        IConfig config = new FluentConfig()
                .host(LOOPBACK)
                .port(loopbackPort)
                .disablePersistence()
                .disableTelemetry()
                .sessionQueueSize(sessionQueueSize)
                .build();
        config.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(maxMessageBytes));
        config.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        RelayedLogins logins = new RelayedLogins(access);
        try {
            broker.server.startServer(config, List.of(), null, logins, access);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded MQTT broker cannot start on " + LOOPBACK, e);
        }
        broker.loopbackPort = broker.awaitListening(LOOPBACK, loopbackPort);
        broker.frontEnd = new BrokerFrontEnd(new InetSocketAddress(LOOPBACK, broker.loopbackPort), access, logins,
                maxMessageBytes);
        try {
            if (tls == null || tls.plain()) {
                broker.port = broker.frontEnd.listen(host, port, null);
                LOG.info("Embedded MQTT broker listening on {}:{}", host, broker.port);
            }
            if (tls != null) {
                broker.tlsPort = broker.frontEnd.listen(host, tls.port(), tls.context());
                LOG.info("Embedded MQTT broker listening for TLS on {}:{}{}", host, broker.tlsPort,
                        tls.plain() ? "" : " (no plain listener)");
            }
        } catch (RuntimeException e) {
            broker.close();
            throw new IllegalStateException("the embedded MQTT broker could not listen on " + host + ":"
                    + (tls == null || tls.plain() ? port : tls.port()) + " (is the port in use?)", e);
        }
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

    /** Moquette's own port on 127.0.0.1, for the controller's link only: no front end, no TLS. */
    public int loopbackPort() {
        return loopbackPort;
    }

    /** The plain listener's port; -1 when there is none (TLS only). */
    public int port() {
        return port;
    }

    /** The TLS listener's port; -1 when there is none. */
    public int tlsPort() {
        return tlsPort;
    }

    @Override
    public void close() {
        if (frontEnd != null) {
            frontEnd.close();
        }
        server.stopServer();
        LOG.info("Embedded MQTT broker stopped");
    }
}
