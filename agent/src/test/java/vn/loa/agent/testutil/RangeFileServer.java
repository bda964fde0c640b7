package vn.loa.agent.testutil;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP file server standing in for the controller's audio distribution: serves bytes by
 * path with {@code ETag: "<sha256>"} and {@code Range: bytes=N-} (honouring {@code If-Range}),
 * records every request, and can be told to serve other bytes than announced, to ignore ranges,
 * or to stall after a number of bytes (a link that dies mid-download). Ephemeral port.
 */
public final class RangeFileServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** One request as the server saw it; {@code range} and {@code ifRange} are null when absent. */
    public record Request(String path, String range, String ifRange, int status) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "range-file-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean ignoreRanges;
    private final List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long stallAfter = -1;

    public RangeFileServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code bytes} at {@code path} (as they are, whatever the checksum announced in a plan). */
    /** The {@code Authorization} header of every request, in order ("null" when absent). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public RangeFileServer serve(String path, byte[] bytes) {
        files.put(path, bytes.clone());
        return this;
    }

    public RangeFileServer ignoreRanges(boolean ignore) {
        this.ignoreRanges = ignore;
        return this;
    }

    /** Every response from now on sends this many bytes of the body, then hangs until {@link #unstall()}. */
    public RangeFileServer stallAfter(long bytes) {
        this.stallAfter = bytes;
        return this;
    }

    /** Responses from now on are sent whole; hanging ones give up. */
    public void unstall() {
        stallAfter = -1;
        release.countDown();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] body = files.get(path);
        if (body == null) {
            record(path, range, ifRange, 404);
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String etag = "\"" + TestAudio.sha256(body) + "\"";
        long from = 0;
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        boolean partial = !ignoreRanges && matcher != null && matcher.matches()
                && (ifRange == null || ifRange.equals(etag));
        if (partial) {
            from = Long.parseLong(matcher.group(1));
            if (from >= body.length) {
                record(path, range, ifRange, 416);
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        int status = partial ? 206 : 200;
        record(path, range, ifRange, status);
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
        exchange.sendResponseHeaders(status, body.length - from);
        send(exchange, body, (int) from);
    }

    private void send(HttpExchange exchange, byte[] body, int from) {
        long stall = stallAfter;
        try (OutputStream out = exchange.getResponseBody()) {
            if (stall >= 0 && from + stall < body.length) {
                out.write(body, from, (int) stall);
                out.flush();
                release.await(60, TimeUnit.SECONDS);
                return; // the client gave up or the test is over: the body stays short
            }
            out.write(body, from, body.length - from);
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private synchronized void record(String path, String range, String ifRange, int status) {
        requests.add(new Request(path, range, ifRange, status));
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
