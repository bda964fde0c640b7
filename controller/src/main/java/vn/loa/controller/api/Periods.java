package vn.loa.controller.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import vn.loa.controller.schedule.BroadcastTime;

/** Query parameters naming instants: an instant, a local date-time or a local date in Asia/Ho_Chi_Minh. */
final class Periods {
    private Periods() {
    }

    static Instant instant(String text, String field) {
        try {
            // a '+' offset left unencoded in a query string arrives as a space
            return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).atZone(BroadcastTime.ZONE).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(BroadcastTime.ZONE).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw ApiException.invalid("query parameter '" + field + "' must be an instant "
                            + "(2026-11-24T00:00:00Z), a local date-time (2026-11-24T07:00) or a local date "
                            + "(2026-11-24), got '" + (text.length() > 40 ? text.substring(0, 40) : text) + "'");
                }
            }
        }
    }

    /** A local date (Asia/Ho_Chi_Minh), for reports counted in whole days. */
    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            throw ApiException.invalid("query parameter '" + field + "' must be a local date (2026-11-24), got '"
                    + text + "'");
        }
    }

    static long areaId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("query parameter 'area' must be an area id");
        }
    }
}
