package vn.loa.controller.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response: status, content type, body and extra headers. The body is either bytes, or
 * for audio a {@link FileSlice} sent zero-copy, or a live {@link EventSource} stream
 * (Server-Sent Events); {@code body} is empty for the last two.
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers, FileSlice file,
                       EventSource events) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

    public Response {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        int bodies = (body.length > 0 ? 1 : 0) + (file != null ? 1 : 0) + (events != null ? 1 : 0);
        if (bodies > 1) {
            throw new IllegalArgumentException("a response has one body: bytes, a file or an event stream");
        }
    }

    public Response(int status, String contentType, byte[] body, Map<String, String> headers, FileSlice file) {
        this(status, contentType, body, headers, file, null);
    }

    public Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, null, null);
    }

    public static Response json(int status, byte[] body) {
        return new Response(status, JSON, body, Map.of());
    }

    public static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response noContent() {
        return new Response(204, null, new byte[0], Map.of());
    }

    /** A response whose body is (a part of) a file. */
    public static Response file(int status, String contentType, FileSlice file) {
        return new Response(status, contentType, new byte[0], Map.of(), Objects.requireNonNull(file, "file"));
    }

    /** A 200 response whose body is a stream of Server-Sent Events, opened once the headers are written. */
    public static Response events(EventSource source) {
        return new Response(200, EVENT_STREAM, new byte[0], Map.of(), null, Objects.requireNonNull(source, "source"));
    }

    public Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more, file, events);
    }

    /** How many bytes the body has: the file slice's length, or the byte body's (none for an event stream). */
    public long contentLength() {
        return file != null ? file.length() : body.length;
    }
}
