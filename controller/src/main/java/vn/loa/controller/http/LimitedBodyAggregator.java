package vn.loa.controller.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
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
import vn.loa.controller.api.ApiException;

/**
 * Aggregates request bodies up to a limit; a larger body (by its Content-Length, or as it streams
 * in) is answered with a JSON 413 and the connection is closed, before the body is read.
 */
final class LimitedBodyAggregator extends HttpObjectAggregator {
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
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
