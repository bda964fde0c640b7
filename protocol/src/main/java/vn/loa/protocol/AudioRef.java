package vn.loa.protocol;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an agent fetches a bulletin's audio and how it checks it: {@code path} is relative to the
 * controller's HTTP base URL; the file's SHA-256 (lower-case hex) is also its HTTP ETag.
 */
public record AudioRef(String path, String sha256, long sizeBytes, String format) {
    public AudioRef {
        Require.text(path, "path", 500);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("field 'path' must start with '/'");
        }
        if (path.startsWith("//") || !isUriReference(path)) {
            throw new IllegalArgumentException("field 'path' must be a URI path on the controller: "
                    + "one leading '/', no spaces or control characters");
        }
        Require.present(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("field 'sha256' must be 64 lower-case hex digits");
        }
        Require.notNegative(sizeBytes, "sizeBytes");
        Require.text(format, "format", 20);
    }

    /** Whether {@code path} parses as a URI reference, so an agent can resolve it against the controller's URL. */
    private static boolean isUriReference(String path) {
        try {
            new URI(path);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
