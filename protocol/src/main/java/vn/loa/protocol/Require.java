package vn.loa.protocol;

import java.util.List;

/** Checks used by the message records' constructors; the codec turns their failures into error values. */
final class Require {
    private Require() {
    }

    /** The fields every station message starts with: id, timestamp, station. */
    static void stationEnvelope(String id, java.time.Instant timestamp, String station) {
        text(id, "id", 100);
        present(timestamp, "ts");
        StationIds.require(present(station, "station"));
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("field '" + field + "' is longer than " + maxLength + " characters");
        }
        return value;
    }

    static long notNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException("field '" + field + "' must not be negative, got " + value);
        }
        return value;
    }

    static <T> List<T> list(List<T> value, String field, int maxSize) {
        present(value, field);
        if (value.size() > maxSize) {
            throw new IllegalArgumentException("field '" + field + "' has more than " + maxSize + " entries");
        }
        for (T element : value) {
            if (element == null) {
                throw new IllegalArgumentException("field '" + field + "' contains null");
            }
        }
        return List.copyOf(value);
    }

    /** A required field is absent or null. */
    static final class MissingFieldException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MissingFieldException(String field) {
            super("missing field '" + field + "'");
        }
    }
}
