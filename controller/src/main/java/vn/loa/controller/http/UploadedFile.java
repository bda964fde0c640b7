package vn.loa.controller.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file part of a streamed upload, on disk at {@code path}. The file is deleted after the upload
 * has been answered unless the handler moved it away.
 */
public record UploadedFile(String part, String filename, String contentType, long sizeBytes, Path path) {
    public UploadedFile {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(path, "path");
    }
}
