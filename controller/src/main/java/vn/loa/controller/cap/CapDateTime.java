package vn.loa.controller.cap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CAP date-times: {@code 2026-09-12T05:30:00+07:00}, always with a UTC offset. CAP 1.2 writes UTC
 * as {@code -00:00} and forbids {@code Z}; senders write {@code Z} anyway, so it is accepted, as are
 * fractions of a second. A time without an offset is refused: its instant is unknown.
 */
final class CapDateTime {
    static final String EXAMPLE = "2026-09-12T05:30:00+07:00";
    private static final Pattern FORM =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([+-]\\d{2}:\\d{2}|Z)");

    private CapDateTime() {
    }

    /** The instant {@code text} names, or empty when it is not a CAP date-time. */
    static Optional<Instant> parse(String text) {
        if (!FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
