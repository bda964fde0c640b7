package vn.loa.controller.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.Map;
import vn.loa.controller.api.ApiException;

/**
 * Aggregates request bodies up to a limit. A larger body (by its Content-Length, or as it streams
 * in) is answered with a JSON 413 before it is read, and the rest of it is dropped as it comes (see
 * {@link RefusedBody}); a kept-alive connection then serves the next request. A client that asked
 * to continue first ({@code Expect: 100-continue}, as curl does above 1 MB) gets the JSON 413
 * instead, and the connection closes: it sends no body.
 */
final class LimitedBodyAggregator extends HttpObjectAggregator {
    private final int maxBodyBytes;
    private final Dispatcher dispatcher;
    /** The refused body being dropped, if any. */
    private RefusedBody refused;

    LimitedBodyAggregator(int maxBodyBytes, Dispatcher dispatcher) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.dispatcher = dispatcher;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
        if (!(answer instanceof HttpResponse response) || response.status().codeClass() != HttpStatusClass.CLIENT_ERROR) {
            return answer;
        }
        ApiException why = response.status().code() == 413 ? tooLarge()
                : new ApiException(417, "expectation_failed", "the only expectation understood is "
                        + "'Expect: 100-continue'");
        ReferenceCountUtil.release(answer);
        return refusal(start, why, false);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        boolean keepAlive = HttpUtil.isKeepAlive(oversized);
        refused = RefusedBody.answer(ctx, refusal(oversized, tooLarge(), keepAlive), keepAlive);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        boolean bodyEnds = msg instanceof LastHttpContent && !(msg instanceof HttpMessage);
        super.channelRead(ctx, msg);
        if (bodyEnds && refused != null) {
            refused.ended();
            refused = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (refused != null) {
            refused.cancel();
            refused = null;
        }
        super.channelInactive(ctx);
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large",
                "the request body is larger than the limit of " + maxBodyBytes + " bytes");
    }

    private FullHttpResponse refusal(HttpMessage refused, ApiException why, boolean keepAlive) {
        String method = refused instanceof HttpRequest request ? request.method().name() : "?";
        String path = refused instanceof HttpRequest request ? request.uri() : "?";
        Request summary = new Request(method, path, Map.of(), Map.of(), new byte[0], Map.of());
        return ResponseWriter.full(dispatcher.refuse(summary, why), keepAlive);
    }
}
