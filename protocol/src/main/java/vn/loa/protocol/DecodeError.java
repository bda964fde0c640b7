package vn.loa.protocol;

import java.util.Locale;
import java.util.Objects;

/** Why a payload was rejected, with a detail for logs and API answers. */
public record DecodeError(Reason reason, String detail) {

    /** The kinds of rejection; {@link #code()} is the stable name used in metrics and logs. */
    public enum Reason {
        EMPTY, OVERSIZED, MALFORMED, WRONG_TYPE, MISSING_FIELD, INVALID_VALUE, UNSUPPORTED_VERSION,
        UNKNOWN_TYPE, TOPIC_MISMATCH;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DecodeError {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return reason.code() + ": " + detail;
    }
}
