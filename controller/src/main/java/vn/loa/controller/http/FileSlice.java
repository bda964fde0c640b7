package vn.loa.controller.http;

import java.nio.file.Path;
import java.util.Objects;

/** A part of a file sent as a response body, written zero-copy by the channel handler. */
public record FileSlice(Path path, long offset, long length) {
    public FileSlice {
        Objects.requireNonNull(path, "path");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
    }
}
