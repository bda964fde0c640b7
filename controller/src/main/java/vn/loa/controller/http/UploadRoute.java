package vn.loa.controller.http;

import java.util.function.Consumer;
import vn.loa.controller.auth.Principal;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * A {@code POST} route whose {@code multipart/form-data} body is streamed to files in
 * {@code tempDir} instead of being aggregated in memory, up to {@code maxBytes}, with at most
 * {@code maxConcurrent} uploads at once. Protected by the bearer token, checked before the body.
 */
public final class UploadRoute {
    private final String path;
    private final long maxBytes;
    private final Path tempDir;
    private final UploadHandler handler;
    private final Semaphore slots;

    private volatile boolean multipartOnly = true;
    private volatile Consumer<Principal> admission = principal -> { };

    public UploadRoute(String path, long maxBytes, Path tempDir, int maxConcurrent, UploadHandler handler) {
        this.path = Objects.requireNonNull(path, "path");
        this.tempDir = Objects.requireNonNull(tempDir, "tempDir");
        this.handler = Objects.requireNonNull(handler, "handler");
        if (maxBytes < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("maxBytes and maxConcurrent must be positive");
        }
        this.maxBytes = maxBytes;
        this.slots = new Semaphore(maxConcurrent);
    }

    /**
     * This route takes only multipart bodies: a request with another body (JSON) goes through the
     * ordinary routes instead of being refused with a 415.
     */
    public UploadRoute acceptingOtherBodies() {
        multipartOnly = false;
        return this;
    }

    /**
     * Checks who may upload here before the body is read (on an API worker, after the token): the
     * check throws an {@link vn.loa.controller.api.ApiException} (a 403) to refuse.
     */
    public UploadRoute admitting(Consumer<Principal> check) {
        admission = Objects.requireNonNull(check, "check");
        return this;
    }

    void admit(Principal principal) {
        admission.accept(principal);
    }

    /** Whether a request with a non-multipart body is refused (415) rather than routed normally. */
    boolean multipartOnly() {
        return multipartOnly;
    }

    public String path() {
        return path;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Path tempDir() {
        return tempDir;
    }

    UploadHandler handler() {
        return handler;
    }

    /** Whether a request path is this route's (a trailing slash is allowed). */
    boolean matches(String requestPath) {
        return requestPath.equals(path) || requestPath.equals(path + "/");
    }

    boolean tryAcquire() {
        return slots.tryAcquire();
    }

    void release() {
        slots.release();
    }
}
