package vn.loa.controller.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between an agent and the broker that can turn its current connections into a black
 * hole: bytes stop flowing both ways but both sockets stay open, as when a 3G link dies without a
 * FIN. The broker then learns of it only through the keepalive, and publishes the last will.
 */
public final class BlackholeProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private BlackholeProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    public static BlackholeProxy start(int targetPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        BlackholeProxy proxy = new BlackholeProxy(server, targetPort);
        Thread acceptor = new Thread(proxy::acceptLoop, "blackhole-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    /**
     * The link dies: every open connection stops carrying bytes and stays open, and new connections
     * are accepted but carry nothing either (a connect attempt times out), until {@link #restore()}.
     */
    public void cut() {
        down = true;
        connections.forEach(connection -> connection.blackholed = true);
    }

    /** The link is back: new connections carry bytes again (the dead ones stay dead). */
    public void restore() {
        down = false;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                Connection connection = new Connection(client, upstream);
                connection.blackholed = down;
                connections.add(connection);
                pump(connection, client, upstream);
                pump(connection, upstream, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void pump(Connection connection, Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!connection.blackholed) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
                if (!connection.blackholed) {
                    connection.close();
                }
            } catch (IOException e) {
                if (!connection.blackholed) {
                    connection.close();
                }
            }
        }, "blackhole-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.forEach(Connection::close);
    }

    /** One proxied connection. */
    private static final class Connection {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean blackholed;

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                upstream.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
