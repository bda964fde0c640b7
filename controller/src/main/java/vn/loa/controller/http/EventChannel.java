package vn.loa.controller.http;

import java.util.Optional;

/**
 * One client's open event stream (Server-Sent Events). Thread-safe: send from any thread; the
 * writes themselves run on the connection's event loop.
 */
public interface EventChannel {
    /**
     * Sends one event: an {@code event:} line (omitted when {@code event} is null), an {@code id:}
     * line (omitted when {@code id} is null) and one {@code data:} line per line of {@code data}.
     * Line breaks in the name or id are replaced by spaces. Returns false once the stream is closed
     * (client gone, too slow, server stopping). Never throws.
     */
    boolean send(String event, String id, String data);

    /** Ends the stream (the response completes cleanly). Idempotent. */
    void close();

    boolean isOpen();

    /**
     * Runs {@code action} once when the stream ends for any reason (client disconnect,
     * {@link #close()}, server shutdown, slow consumer); at once, on the calling thread, if it has
     * ended already. Otherwise it runs on the thread that ended the stream, often the event loop:
     * keep it short and never block in it.
     */
    void onClose(Runnable action);

    /** The {@code Last-Event-ID} the client sent, if any: where to resume from. */
    Optional<String> lastEventId();
}
