package vn.loa.controller.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as the API sees it, detached from Netty: headers lower-cased, body copied.
 * {@code pathParams} are filled in by the router. {@code remoteAddress}: the client's IP address as
 * the socket sees it (no forwarding headers are trusted), null when unknown.
 */
public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                      byte[] body, Map<String, String> pathParams, String remoteAddress) {
    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        pathParams = Map.copyOf(pathParams);
    }

    public Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                   byte[] body, Map<String, String> pathParams) {
        this(method, path, query, headers, body, pathParams, null);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter '" + name + "'");
        }
        return value;
    }

    Request withPathParams(Map<String, String> params) {
        return new Request(method, path, query, headers, body, params, remoteAddress);
    }
}
