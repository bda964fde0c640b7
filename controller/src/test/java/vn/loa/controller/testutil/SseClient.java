package vn.loa.controller.testutil;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Listens to a Server-Sent Events stream over a plain socket (HTTP/1.1, chunked), so tests see
 * exactly what the server sends: parsed events, comment lines, and how the stream ended. An answer
 * that is not an event stream (a JSON error) is read at once: see {@link #status()} and
 * {@link #body()}. Waiting uses Awaitility; always {@link #close()} (try-with-resources).
 */
public final class SseClient implements AutoCloseable {
    /** One event: its name ("message" when the server named none), its id (null if none) and its data lines joined by \n. */
    public record Event(String event, String id, String data) {
    }

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final EventParser parser = new EventParser(events::add, comments::add);
    private volatile String body = "";
    private volatile boolean ended;
    private volatile boolean endedCleanly;

    private SseClient(URI uri, String bearerToken, Map<String, String> extraHeaders) throws IOException {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        StringBuilder request = new StringBuilder("GET ").append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Accept: text/event-stream\r\n");
        if (bearerToken != null) {
            request.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
        }
        extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        status = Integer.parseInt(line().split(" ")[1]);
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    /** Opens a stream (sends the request, reads the answer's head); {@code bearerToken} may be null. */
    public static SseClient open(URI uri, String bearerToken) {
        return open(uri, bearerToken, Map.of());
    }

    /** As {@link #open(URI, String)}, with more request headers, e.g. {@code Last-Event-ID} or {@code Connection: close}. */
    public static SseClient open(URI uri, String bearerToken, Map<String, String> headers) {
        try {
            SseClient client = new SseClient(uri, bearerToken, headers);
            client.readBody();
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int status() {
        return status;
    }

    /** A response header (any case), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body of an answer that is not an event stream (e.g. a JSON error); empty for a stream. */
    public String body() {
        return body;
    }

    /** The events received so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The comment lines received so far (text after the colon, e.g. "keep-alive"). */
    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** The first event received that matches, waiting for it up to {@code timeout}. */
    public Event awaitEvent(Predicate<Event> match, Duration timeout) {
        return await().atMost(timeout).until(() -> events.stream().filter(match).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until {@code count} comment lines have arrived. */
    public void awaitComments(int count, Duration timeout) {
        await().atMost(timeout).until(() -> comments.size() >= count);
    }

    /** Waits until the server has ended the stream (last chunk sent or connection closed). */
    public void awaitEnd(Duration timeout) {
        await().atMost(timeout).until(() -> ended);
    }

    /** Whether the stream ended with the last chunk of the response (not a dropped connection). */
    public boolean endedCleanly() {
        return endedCleanly;
    }

    /** Disconnects: the server sees the client leave. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readBody() throws IOException {
        boolean chunked = "chunked".equalsIgnoreCase(header("transfer-encoding"));
        if (chunked && String.valueOf(header("content-type")).startsWith("text/event-stream")) {
            socket.setSoTimeout(0);
            Thread reader = new Thread(this::listen, "sse-client-" + socket.getLocalPort());
            reader.setDaemon(true);
            reader.start();
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (chunked) {
            readChunks(bytes::writeBytes);
        } else {
            bytes.writeBytes(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }
        body = bytes.toString(StandardCharsets.UTF_8);
        ended = true;
    }

    private void listen() {
        try {
            readChunks(parser::accept);
        } catch (IOException e) {
            // the connection closed: by close(), or dropped by the server
        } finally {
            ended = true;
        }
    }

    private void readChunks(Consumer<byte[]> sink) throws IOException {
        while (true) {
            String sizeLine = line();
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
            if (size == 0) {
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are ignored
                }
                endedCleanly = true;
                return;
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new IOException("connection closed in the middle of a chunk");
            }
            line();
            sink.accept(chunk);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed in the middle of a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Splits the stream into lines and lines into events (the text/event-stream format). Reader thread only. */
    private static final class EventParser {
        private final Consumer<Event> events;
        private final Consumer<String> comments;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private String event;
        private String id;
        private StringBuilder data;

        EventParser(Consumer<Event> events, Consumer<String> comments) {
            this.events = events;
            this.comments = comments;
        }

        void accept(byte[] bytes) {
            for (byte b : bytes) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    field(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                } else {
                    line.write(b);
                }
            }
        }

        private void field(String text) {
            if (text.isEmpty()) {
                if (data != null) {
                    events.accept(new Event(event == null ? "message" : event, id, data.toString()));
                }
                event = null;
                id = null;
                data = null;
                return;
            }
            int colon = text.indexOf(':');
            String name = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            switch (name) {
                case "" -> comments.accept(value);
                case "event" -> event = value;
                case "id" -> id = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // unknown fields are ignored, as browsers do
                }
            }
        }
    }
}
