package vn.loa.protocol;

import java.util.Objects;

/** The outcome of decoding a payload: a message, or the reason it was rejected. Never an exception. */
public sealed interface Decoded<T extends Message> {

    record Ok<T extends Message>(T message) implements Decoded<T> {
        public Ok {
            Objects.requireNonNull(message, "message");
        }
    }

    record Failure<T extends Message>(DecodeError error) implements Decoded<T> {
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T extends Message> Decoded<T> failure(DecodeError.Reason reason, String detail) {
        return new Failure<>(new DecodeError(reason, detail));
    }
}
