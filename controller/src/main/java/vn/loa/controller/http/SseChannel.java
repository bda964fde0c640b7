package vn.loa.controller.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Server-Sent Events stream on a Netty connection: each event is one chunk of a chunked
 * response, flushed at once. Any thread may send; every write is handed to the connection's event
 * loop in the order it was made (under {@code lock}), so nothing can follow the end of the stream.
 * While the stream is open the connection has no read timeout and takes no request ({@link ClientSilence}).
 * A client that leaves more than {@link EventStreams#maxPendingBytes()} written to the connection
 * but unsent (far above Netty's write-buffer high-water mark, so the connection is unwritable) is
 * cut off; events queued for the event loop but not yet written do not count, so a burst of
 * events to a client that reads is never mistaken for a slow client.
 */
final class SseChannel implements EventChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SseChannel.class);

    /** How a stream ends: a clean last chunk, the same and the connection closed, or the connection dropped. */
    private enum Ending { COMPLETE, COMPLETE_AND_DISCONNECT, DISCONNECT }

    private final ChannelHandlerContext ctx;
    private final EventStreams streams;
    private final boolean keepAlive;
    private final Optional<String> lastEventId;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final Object lock = new Object();
    private final List<Runnable> closeActions = new ArrayList<>();
    /** Completes once the stream's end is on the wire (or nothing more can be written). */
    private final java.util.concurrent.CompletableFuture<Void> finished = new java.util.concurrent.CompletableFuture<>();
    private boolean open = true;
    /** Set when the connection is dropped: events still queued for the event loop are not written. */
    private volatile boolean dropped;
    private Future<?> keepAliveTimer;

    SseChannel(ChannelHandlerContext ctx, EventStreams streams, boolean keepAlive, Optional<String> lastEventId) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.keepAlive = keepAlive;
        this.lastEventId = Objects.requireNonNull(lastEventId, "lastEventId");
    }

    /** Writes the response head, lifts the connection's read timeout and starts the keep-alive comments. */
    void start(HttpResponse head) {
        long interval = streams.keepAliveInterval().toMillis();
        boolean started;
        synchronized (lock) {
            started = execute(() -> {
                ClientSilence.install(ctx.pipeline());
                ctx.writeAndFlush(head).addListener((ChannelFutureListener) this::afterWrite);
            });
            try {
                keepAliveTimer = ctx.executor().scheduleAtFixedRate(() -> write(EventFrame.KEEP_ALIVE),
                        interval, interval, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                started = false;
            }
        }
        if (!started) {
            end(Ending.DISCONNECT);
            return;
        }
        ctx.channel().closeFuture().addListener(closed -> end(Ending.DISCONNECT));
    }

    @Override
    public boolean send(String event, String id, String data) {
        return write(EventFrame.of(event, id, data));
    }

    @Override
    public void close() {
        end(Ending.COMPLETE);
    }

    /** Ends the stream because the server stops: the last chunk, then the connection closes; completes when written. */
    java.util.concurrent.CompletableFuture<Void> stop() {
        end(Ending.COMPLETE_AND_DISCONNECT);
        return finished;
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return open;
        }
    }

    @Override
    public void onClose(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (lock) {
            if (open) {
                closeActions.add(action);
                return;
            }
        }
        runQuietly(action);
    }

    @Override
    public Optional<String> lastEventId() {
        return lastEventId;
    }

    private boolean write(String text) {
        synchronized (lock) {
            if (!open) {
                return false;
            }
            if (execute(() -> writeChunk(text))) {
                return true;
            }
        }
        end(Ending.DISCONNECT);
        return false;
    }

    /** On the event loop: writes one chunk, unless the client has left too much unsent. */
    private void writeChunk(String text) {
        if (dropped) {
            return;
        }
        int size = ByteBufUtil.utf8Bytes(text);
        if (pendingBytes.addAndGet(size) > streams.maxPendingBytes() && isOpen()) {
            pendingBytes.addAndGet(-size);
            LOG.info("Closed an event stream to {}: the client is not reading", ctx.channel().remoteAddress());
            end(Ending.DISCONNECT);
            return;
        }
        ctx.writeAndFlush(new DefaultHttpContent(ByteBufUtil.writeUtf8(ctx.alloc(), text)))
                .addListener((ChannelFutureListener) written -> {
                    pendingBytes.addAndGet(-size);
                    afterWrite(written);
                });
    }

    private void afterWrite(ChannelFuture written) {
        if (!written.isSuccess()) {
            end(Ending.DISCONNECT);
        }
    }

    private void end(Ending ending) {
        List<Runnable> actions;
        synchronized (lock) {
            if (!open) {
                return;
            }
            open = false;
            dropped = ending == Ending.DISCONNECT;
            actions = List.copyOf(closeActions);
            closeActions.clear();
            if (keepAliveTimer != null) {
                keepAliveTimer.cancel(false);
            }
            if (!execute(() -> finish(ending))) {
                finished.complete(null);
            }
        }
        streams.ended(this);
        actions.forEach(SseChannel::runQuietly);
    }

    /** On the event loop: the last chunk, then either the connection closes or it serves the next request. */
    private void finish(Ending ending) {
        if (ending == Ending.DISCONNECT) {
            ctx.channel().close();
            finished.complete(null);
            return;
        }
        ChannelFuture done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        done.addListener(written -> finished.complete(null));
        if (ending == Ending.COMPLETE_AND_DISCONNECT || !keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ClientSilence.lift(ctx.pipeline(), streams.readTimeoutSeconds());
    }

    /** Hands a task to the event loop; false when the loop has stopped (the server is closing). */
    private boolean execute(Runnable task) {
        try {
            ctx.executor().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("An action run when an event stream ended failed", e);
        }
    }
}
