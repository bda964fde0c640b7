package vn.loa.controller.http;

import java.nio.file.Path;
import java.util.Objects;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.text.Printable;

/**
 * Answers GET and HEAD for a file with a strong entity tag: {@code If-None-Match} (304),
 * {@code Range} (206 or 416) and {@code If-Range}, with {@code Accept-Ranges: bytes}. The body is a
 * {@link FileSlice}, sent zero-copy.
 */
public final class FileResponses {
    private final ApiJson json;

    public FileResponses(ApiJson json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * The answer for a request of a file of {@code size} bytes whose entity tag is {@code etag}
     * (quoted, e.g. {@code "abc"}).
     */
    public Response serve(Request request, Path file, long size, String contentType, String etag) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(etag, "etag");
        String ifNoneMatch = request.header("if-none-match").orElse(null);
        if (ifNoneMatch != null && matchesAny(ifNoneMatch, etag)) {
            return Response.file(304, null, new FileSlice(file, 0, size)).withHeader("ETag", etag)
                    .withHeader("Accept-Ranges", "bytes");
        }
        String range = request.header("range").orElse(null);
        String ifRange = request.header("if-range").orElse(null);
        if (ifRange != null && !ifRange.strip().equals(etag)) {
            range = null;
        }
        ByteRange.Outcome outcome = ByteRange.resolve(range, size);
        if (outcome instanceof ByteRange.Partial partial) {
            ByteRange part = partial.range();
            return headers(Response.file(206, contentType, new FileSlice(file, part.first(), part.length())), etag)
                    .withHeader("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + size);
        }
        if (outcome instanceof ByteRange.Unsatisfiable) {
            return headers(json.error(416, "range_not_satisfiable", "the range '" + Printable.of(range, 100)
                    + "' lies outside the " + size + " bytes of this file"), etag)
                    .withHeader("Content-Range", "bytes */" + size);
        }
        return headers(Response.file(200, contentType, new FileSlice(file, 0, size)), etag);
    }

    private static Response headers(Response response, String etag) {
        return response.withHeader("ETag", etag).withHeader("Accept-Ranges", "bytes");
    }

    /** Weak comparison, as If-None-Match wants: {@code *}, or any listed tag, with or without {@code W/}. */
    private static boolean matchesAny(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || (tag.startsWith("W/") && tag.substring(2).equals(etag))) {
                return true;
            }
        }
        return false;
    }
}
