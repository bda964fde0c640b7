package vn.loa.controller.cap;

import java.util.Objects;

/**
 * A CAP message that cannot be read: not XML, not CAP 1.2, or breaking one of its rules. The
 * message names the problem for the person who sent the alert (e.g. {@code missing element
 * 'identifier'}); it is meant to be answered as a 400, never logged as a stack trace.
 */
public final class CapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CapException(String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
    }
}
