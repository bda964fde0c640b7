package vn.loa.controller.http;

import java.util.Locale;

/**
 * One byte range of a representation, {@code first} to {@code last} inclusive, and the reading of
 * a {@code Range} header against a representation's size (RFC 9110 §14): {@code bytes=a-b},
 * {@code bytes=a-} and {@code bytes=-n}. A header that is not a single valid byte range is ignored
 * (the whole representation is sent); a valid range past the end is unsatisfiable (416).
 */
public record ByteRange(long first, long last) {
    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a byte range: " + first + "-" + last);
        }
    }

    public long length() {
        return last - first + 1;
    }

    /** What a Range header asks of a representation. */
    public sealed interface Outcome permits Whole, Partial, Unsatisfiable {
    }

    /** No range, or one to ignore: send everything (200). */
    public record Whole() implements Outcome {
    }

    /** Send this part (206). */
    public record Partial(ByteRange range) implements Outcome {
    }

    /** A valid range that lies outside the representation (416). */
    public record Unsatisfiable() implements Outcome {
    }

    /** Reads a Range header (null: none) against a representation of {@code size} bytes. */
    public static Outcome resolve(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return new Whole();
        }
        String spec = value.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (spec.indexOf(',') >= 0 || dash < 0) {
            return new Whole();
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (from.isEmpty()) {
            return suffix(to, size);
        }
        long first = number(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
        if (first < 0 || last < 0 || last < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Partial(new ByteRange(first, Math.min(last, size - 1)));
    }

    private static Outcome suffix(String digits, long size) {
        long length = number(digits);
        if (length < 0) {
            return new Whole();
        }
        if (length == 0 || size == 0) {
            return new Unsatisfiable();
        }
        return new Partial(new ByteRange(Math.max(0, size - length), size - 1));
    }

    /** The value of a run of ASCII digits (saturating at Long.MAX_VALUE); -1 when it is not one. */
    private static long number(String digits) {
        if (digits.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }
}
