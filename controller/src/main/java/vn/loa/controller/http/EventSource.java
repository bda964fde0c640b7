package vn.loa.controller.http;

/**
 * The body of a Server-Sent Events response ({@link Response#events(EventSource)}); opened once
 * the response headers are written.
 *
 * <p>{@link #open} runs on the API executor, which answers every request: it must return quickly
 * (register the channel with whatever publishes the events, send a first event if needed) and
 * never wait for events itself. An exception from {@code open} ends the stream.
 */
@FunctionalInterface
public interface EventSource {
    void open(EventChannel channel);
}
