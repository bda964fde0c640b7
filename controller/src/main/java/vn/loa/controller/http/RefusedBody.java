package vn.loa.controller.http;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The rest of a refused request's body, which the client may still be sending: its owner reads and
 * drops it, then calls {@link #ended()}. A connection kept alive then serves the next request; one
 * that is to close closes only then, because closing while the client still sends resets the
 * connection, and a reset makes the client's system drop the answer unread. Either way the
 * connection closes after {@link #DRAIN_SECONDS} if the body has not ended. Run by the channel's
 * event loop.
 */
final class RefusedBody {
    static final long DRAIN_SECONDS = 30;

    private final ChannelHandlerContext ctx;
    private final ChannelFuture answered;
    private final boolean close;
    private final ScheduledFuture<?> deadline;

    private RefusedBody(ChannelHandlerContext ctx, ChannelFuture answered, boolean close) {
        this.ctx = ctx;
        this.answered = answered;
        this.close = close;
        this.deadline = ctx.executor().schedule(() -> {
            ctx.close();
        }, DRAIN_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Sends the refusal and drops the body that follows. With {@code keepAlive} the connection goes
     * on after it. Without, the answer goes out below {@code HttpServerKeepAliveHandler}, which would
     * close the connection as soon as it is written; output is then half-closed, so the client sees
     * the end of the answer while its body is still being read.
     */
    static RefusedBody answer(ChannelHandlerContext ctx, FullHttpResponse refusal, boolean keepAlive) {
        HttpUtil.setKeepAlive(refusal, keepAlive);
        if (keepAlive) {
            return new RefusedBody(ctx, ctx.writeAndFlush(refusal), false);
        }
        // a write from a handler's context starts with the handler before it: this one skips the keep-alive handler
        ChannelHandlerContext keepAliveHandler = ctx.pipeline().context(HttpServerKeepAliveHandler.class);
        ChannelFuture answered = (keepAliveHandler == null ? ctx : keepAliveHandler).writeAndFlush(refusal);
        answered.addListener(written -> {
            if (!written.isSuccess()) {
                ctx.close();
            } else if (ctx.channel() instanceof SocketChannel socket && socket.isActive()) {
                socket.shutdownOutput();
            }
        });
        return new RefusedBody(ctx, answered, true);
    }

    /** The last part of the body has been dropped. */
    void ended() {
        deadline.cancel(false);
        if (close) {
            answered.addListener(written -> ctx.close());
        }
    }

    /** The connection is gone: nothing more to wait for. */
    void cancel() {
        deadline.cancel(false);
    }
}
