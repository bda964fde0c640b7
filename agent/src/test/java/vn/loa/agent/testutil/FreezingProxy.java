package vn.loa.agent.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy that can freeze: while frozen, every byte in either direction is swallowed, as on a
 * 3G link that died without closing anything. Connections that saw the freeze are cut when it
 * thaws (their state is lost, as behind a NAT that forgot them); new ones then pass normally.
 */
public final class FreezingProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final List<Socket[]> connections = new ArrayList<>();
    private final List<Socket[]> poisoned = new ArrayList<>();
    private volatile boolean frozen;
    private volatile boolean closed;

    public FreezingProxy(int targetPort) {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "freezing-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    public synchronized void freeze() {
        frozen = true;
        poisoned.addAll(connections);
    }

    public synchronized void thaw() {
        frozen = false;
        for (Socket[] pair : poisoned) {
            closeQuietly(pair);
        }
        connections.removeAll(poisoned);
        poisoned.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 2000);
                Socket[] pair = {client, upstream};
                synchronized (this) {
                    connections.add(pair);
                    if (frozen) {
                        poisoned.add(pair);
                    }
                }
                pump(client, upstream, pair);
                pump(upstream, client, pair);
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, Socket[] pair) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                // not try-with-resources: closing a socket's stream closes the socket, and a frozen link must not
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!frozen && !isPoisoned(pair)) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
                if (frozen || isPoisoned(pair)) {
                    return; // a frozen link does not pass the close on either
                }
            } catch (IOException e) {
                // the other side went away
            }
            closeQuietly(pair);
        }, "freezing-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized boolean isPoisoned(Socket[] pair) {
        return poisoned.contains(pair);
    }

    private static void closeQuietly(Socket[] pair) {
        for (Socket socket : pair) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.forEach(FreezingProxy::closeQuietly);
        connections.clear();
    }
}
