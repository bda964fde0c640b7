package vn.loa.controller.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.TimeUnit;
import vn.loa.controller.api.ApiException;

/**
 * Aggregates request bodies up to a limit; a larger body (by its Content-Length, or as it streams
 * in) is answered with a JSON 413 before the body is read; the connection then closes.
 */
final class LimitedBodyAggregator extends HttpObjectAggregator {
    /** How long the rest of a refused body is read and dropped before the connection closes. */
    private static final long DRAIN_SECONDS = 5;

    private final int maxBodyBytes;
    private final Dispatcher dispatcher;

    LimitedBodyAggregator(int maxBodyBytes, Dispatcher dispatcher) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        String method = oversized instanceof HttpRequest request ? request.method().name() : "?";
        String path = oversized instanceof HttpRequest request ? request.uri() : "?";
        Request summary = new Request(method, path, Map.of(), Map.of(), new byte[0], Map.of());
        Response answer = dispatcher.refuse(summary, new ApiException(413, "payload_too_large",
                "the request body is larger than the limit of " + maxBodyBytes + " bytes"));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        response.headers().set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(written -> closeGently(ctx, written.isSuccess()));
    }

    /**
     * Closing at once while the client is still sending its body resets the connection, and the
     * client may lose the 413 it was sent. So the answer is followed by a half-close (no more
     * output), the rest of the body is read and dropped, and the connection closes when the client
     * closes it or after {@link #DRAIN_SECONDS} at most.
     */
    private static void closeGently(ChannelHandlerContext ctx, boolean written) {
        if (!written || !(ctx.channel() instanceof SocketChannel socket) || !socket.isActive()) {
            ctx.close();
            return;
        }
        socket.shutdownOutput();
        ctx.executor().schedule(() -> ctx.close(), DRAIN_SECONDS, TimeUnit.SECONDS);
    }
}
