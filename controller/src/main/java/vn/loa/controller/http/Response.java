package vn.loa.controller.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response: status, content type, body and extra headers. The body is either bytes or,
 * for audio, a {@link FileSlice} sent zero-copy ({@code body} is then empty).
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers, FileSlice file) {
    public static final String JSON = "application/json; charset=utf-8";

    public Response {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        if (file != null && body.length > 0) {
            throw new IllegalArgumentException("a response has either a byte body or a file, not both");
        }
    }

    public Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, null);
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

    public Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more, file);
    }

    /** How many bytes the body has: the file slice's length, or the byte body's. */
    public long contentLength() {
        return file != null ? file.length() : body.length;
    }
}
