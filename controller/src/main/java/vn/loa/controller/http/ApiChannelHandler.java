package vn.loa.controller.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.ReadTimeoutException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;

/**
 * Copies each aggregated request off the event loop and answers it on the API executor; the
 * response is written back through the channel (Netty hands the write to the event loop).
 */
final class ApiChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiChannelHandler.class);

    private final Dispatcher dispatcher;
    private final ExecutorService executor;

    ApiChannelHandler(Dispatcher dispatcher, ExecutorService executor) {
        this.dispatcher = dispatcher;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
        boolean keepAlive = HttpUtil.isKeepAlive(message);
        if (!message.decoderResult().isSuccess()) {
            write(ctx, dispatcher.refuse(summary(message), ApiException.badRequest("bad_request",
                    "the HTTP request could not be parsed")), false);
            return;
        }
        Request request = toRequest(message);
        try {
            executor.execute(() -> write(ctx, dispatcher.dispatch(request), keepAlive));
        } catch (RejectedExecutionException e) {
            write(ctx, dispatcher.refuse(request, new ApiException(503, "overloaded",
                    "the controller is busy; retry in a moment")), keepAlive);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof ReadTimeoutException)) {
            LOG.debug("HTTP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }

    private static Request toRequest(FullHttpRequest message) {
        QueryStringDecoder uri = new QueryStringDecoder(message.uri());
        Map<String, String> headers = new HashMap<>();
        message.headers().forEach(entry -> headers.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue()));
        return new Request(message.method().name(), uri.path(), uri.parameters(), headers,
                ByteBufUtil.getBytes(message.content()), Map.of());
    }

    private static Request summary(FullHttpRequest message) {
        return new Request(message.method().name(), "?", Map.of(), Map.of(), new byte[0], Map.of());
    }

    private static void write(ChannelHandlerContext ctx, Response answer, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().set("X-Content-Type-Options", "nosniff");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
