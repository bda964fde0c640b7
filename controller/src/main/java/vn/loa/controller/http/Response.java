package vn.loa.controller.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An HTTP response: status, content type, body and extra headers. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=utf-8";

    public Response {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
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

    public Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more);
    }
}
