package vn.loa.controller.api;

import java.util.Objects;

/**
 * A refusal the caller can understand and fix, answered as {@code {"error": code, "message": ...}}
 * with the given HTTP status. Thrown by services and handlers; never logged as a stack trace.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, "invalid_request", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }
}
