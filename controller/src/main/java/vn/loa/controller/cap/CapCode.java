package vn.loa.controller.cap;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A value from one of CAP 1.2's closed lists, known by the exact text CAP writes for it. */
interface CapCode {
    /** The text as CAP writes it, e.g. {@code Actual}. */
    String capName();

    /** Whether this value is written {@code text}; CAP's values are case-sensitive. */
    default boolean isWritten(String text) {
        return capName().equals(text);
    }

    static <E extends CapCode> Optional<E> find(E[] values, String text) {
        return Arrays.stream(values).filter(value -> value.isWritten(text)).findFirst();
    }

    /** "Alert, Update, Cancel, Ack, Error", for messages. */
    static String list(CapCode[] values) {
        return Arrays.stream(values).map(CapCode::capName).collect(Collectors.joining(", "));
    }
}
