package vn.loa.controller.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.InetSocketAddress;
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
 * response is written back through the channel by {@link ResponseWriter} (Netty hands the write
 * to the event loop).
 */
final class ApiChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiChannelHandler.class);

    private final Dispatcher dispatcher;
    private final ExecutorService executor;
    private final EventStreams streams;

    ApiChannelHandler(Dispatcher dispatcher, ExecutorService executor, EventStreams streams) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.streams = streams;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
        boolean keepAlive = HttpUtil.isKeepAlive(message);
        if (!message.decoderResult().isSuccess()) {
            ResponseWriter.write(ctx, dispatcher.refuse(summary(message), ApiException.badRequest("bad_request",
                    "the HTTP request could not be parsed")), false, false);
            return;
        }
        Request request = toRequest(message, ByteBufUtil.getBytes(message.content()), addressOf(ctx));
        boolean head = HttpMethod.HEAD.equals(message.method());
        try {
            executor.execute(() -> ResponseWriter.write(ctx, dispatcher.dispatch(request), keepAlive, head, streams,
                    request));
        } catch (RejectedExecutionException e) {
            ResponseWriter.write(ctx, dispatcher.refuse(request, new ApiException(503, "overloaded",
                    "the controller is busy; retry in a moment")), keepAlive, head);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof ReadTimeoutException)) {
            LOG.debug("HTTP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }

    /** The request as the API sees it: headers lower-cased, the given body. */
    static Request toRequest(HttpRequest message, byte[] body) {
        return toRequest(message, body, null);
    }

    /** The request as the API sees it, with the client's address (null when unknown). */
    static Request toRequest(HttpRequest message, byte[] body, String remoteAddress) {
        QueryStringDecoder uri = new QueryStringDecoder(message.uri());
        Map<String, String> headers = new HashMap<>();
        message.headers().forEach(entry -> headers.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue()));
        return new Request(message.method().name(), uri.path(), uri.parameters(), headers, body, Map.of(),
                remoteAddress);
    }

    /** The client's IP address, without the port; null when the channel has no IP peer. */
    static String addressOf(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null
                ? address.getAddress().getHostAddress() : null;
    }

    private static Request summary(FullHttpRequest message) {
        return new Request(message.method().name(), "?", Map.of(), Map.of(), new byte[0], Map.of());
    }
}
