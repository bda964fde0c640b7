package vn.loa.controller.bulletin;

import java.nio.file.Path;
import java.util.Objects;

/** A bulletin's audio file in the library, as the HTTP layer serves it. */
public record StoredAudio(Path path, String sha256, long sizeBytes, BulletinFormat format) {
    public StoredAudio {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
    }

    /** The HTTP entity tag: the quoted SHA-256. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }
}
