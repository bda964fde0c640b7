package vn.loa.controller.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Server-Sent Events streams open on one HTTP server, and how they behave: how often an idle
 * stream sends a keep-alive comment, how many unsent bytes a client may leave behind before its
 * stream is closed. {@link #closeAll()} ends every stream when the server stops.
 */
final class EventStreams {
    /** How often a stream sends a comment line, so that proxies and clients see it alive. */
    static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);
    /** How many bytes may wait for a client that is not reading before its stream is closed. */
    static final long DEFAULT_MAX_PENDING_BYTES = 1024 * 1024;

    private final Duration keepAliveInterval;
    private final long maxPendingBytes;
    private final int readTimeoutSeconds;
    private final Set<SseChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** {@code readTimeoutSeconds}: the idle limit restored on a kept-alive connection once its stream ends. */
    EventStreams(Duration keepAliveInterval, long maxPendingBytes, int readTimeoutSeconds) {
        this.keepAliveInterval = Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        if (keepAliveInterval.isNegative() || keepAliveInterval.isZero()) {
            throw new IllegalArgumentException("the keep-alive interval must be positive");
        }
        if (maxPendingBytes <= 0 || readTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("maxPendingBytes and readTimeoutSeconds must be positive");
        }
        this.maxPendingBytes = maxPendingBytes;
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    /**
     * Starts a stream on a connection: writes the response head and returns the channel to send
     * on. {@code keepAlive}: whether the connection serves further requests once the stream ends.
     */
    SseChannel open(ChannelHandlerContext ctx, HttpResponse head, boolean keepAlive, Optional<String> lastEventId) {
        SseChannel channel = new SseChannel(ctx, this, keepAlive, lastEventId);
        open.add(channel);
        channel.start(head);
        if (stopping) {
            channel.stop();
        }
        return channel;
    }

    /**
     * Ends every open stream and closes its connection; later streams end as soon as they open.
     * Completes when every stream's last chunk is written.
     */
    java.util.concurrent.CompletableFuture<Void> closeAll() {
        stopping = true;
        return java.util.concurrent.CompletableFuture.allOf(List.copyOf(open).stream().map(SseChannel::stop)
                .toArray(java.util.concurrent.CompletableFuture[]::new));
    }

    int openCount() {
        return open.size();
    }

    void ended(SseChannel channel) {
        open.remove(channel);
    }

    Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    long maxPendingBytes() {
        return maxPendingBytes;
    }

    int readTimeoutSeconds() {
        return readTimeoutSeconds;
    }
}
