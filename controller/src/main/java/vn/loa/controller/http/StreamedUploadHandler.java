package vn.loa.controller.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.auth.Principal;

/**
 * Takes over the requests of the {@link UploadRoute}s before the body aggregator sees them: checks
 * the bearer token (on the API executor, with reading paused), the content type and the declared
 * length, sends {@code 100 Continue} when asked, streams the multipart body to disk, then hands the
 * upload to the API executor. Any other request passes through untouched. One instance per
 * channel, run by its event loop.
 *
 * <p>A refusal is answered at once; the rest of that request's body is then read and dropped so
 * the client sees the answer (see {@link RefusedBody}).
 */
final class StreamedUploadHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(StreamedUploadHandler.class);
    private enum State { IDLE, AUTHENTICATING, RECEIVING, DRAINING }

    private final List<UploadRoute> routes;
    private final Dispatcher dispatcher;
    private final ExecutorService executor;
    private final int readTimeoutSeconds;
    private State state = State.IDLE;
    private UploadTransfer transfer;
    private RefusedBody draining;
    /** What arrived while the token was being checked (reading is paused then, so little). */
    private final ArrayDeque<Object> held = new ArrayDeque<>();

    StreamedUploadHandler(List<UploadRoute> routes, Dispatcher dispatcher, ExecutorService executor,
                          int readTimeoutSeconds) {
        this.routes = List.copyOf(routes);
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.AUTHENTICATING) {
            held.add(msg);
            return;
        }
        if (state == State.IDLE) {
            UploadRoute route = msg instanceof HttpRequest request ? routeOf(request) : null;
            if (route == null) {
                ctx.fireChannelRead(msg);
                return;
            }
            begin(ctx, (HttpRequest) msg, route);
        }
        if (msg instanceof HttpContent content) {
            content(ctx, content);
        } else if (!(msg instanceof HttpRequest)) {
            ctx.fireChannelRead(msg);
        }
    }

    private UploadRoute routeOf(HttpRequest request) {
        if (!HttpMethod.POST.equals(request.method())) {
            return null;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        return routes.stream().filter(route -> route.matches(path))
                .filter(route -> route.multipartOnly() || HttpPostRequestDecoder.isMultipart(request))
                .findFirst().orElse(null);
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest message, UploadRoute route) {
        transfer = new UploadTransfer(message, ApiChannelHandler.toRequest(message, new byte[0],
                ApiChannelHandler.addressOf(ctx)), route);
        if (!message.decoderResult().isSuccess()) {
            refuse(ctx, ApiException.badRequest("bad_request", "the HTTP request could not be parsed"));
            return;
        }
        state = State.AUTHENTICATING;
        ctx.channel().config().setAutoRead(false);
        UploadTransfer current = transfer;
        try {
            executor.execute(() -> {
                Principal principal = null;
                ApiException refusal = null;
                try {
                    principal = dispatcher.authenticate(current.request);
                    current.route.admit(principal);
                } catch (ApiException e) {
                    refusal = e;
                } catch (RuntimeException e) {
                    LOG.error("Checking the token of an upload failed", e);
                    refusal = new ApiException(500, "internal_error", "the controller failed to check the token");
                }
                Principal who = principal;
                ApiException why = refusal;
                ctx.executor().execute(() -> authenticated(ctx, current, who, why));
            });
        } catch (RejectedExecutionException e) {
            refuse(ctx, overloaded());
        }
    }

    private void authenticated(ChannelHandlerContext ctx, UploadTransfer checked, Principal principal,
                               ApiException refusal) {
        if (checked != transfer) {
            return;
        }
        ctx.channel().config().setAutoRead(true);
        long declared = HttpUtil.getContentLength(checked.message, -1L);
        if (refusal != null) {
            refuse(ctx, refusal);
        } else if (!HttpPostRequestDecoder.isMultipart(checked.message)) {
            refuse(ctx, new ApiException(415, "unsupported_media_type", "send the upload as multipart/form-data "
                    + "(curl -F file=@bulletin.wav -F title=... -F class=normal -F language=vi)"));
        } else if (declared > checked.route.maxBytes()) {
            refuse(ctx, UploadTransfer.tooLarge(checked.route.maxBytes()));
        } else if (!checked.acquireSlot()) {
            refuse(ctx, new ApiException(503, "overloaded", "too many uploads at once; retry in a moment"));
        } else {
            accept(ctx, checked, principal);
        }
        for (Object msg = held.poll(); msg != null; msg = state == State.AUTHENTICATING ? null : held.poll()) {
            channelRead(ctx, msg);
        }
    }

    private void accept(ChannelHandlerContext ctx, UploadTransfer accepted, Principal principal) {
        try {
            accepted.startDecoding();
        } catch (ApiException e) {
            refuse(ctx, e);
            return;
        }
        accepted.principal = principal;
        state = State.RECEIVING;
        if (accepted.expectsContinue) {
            accepted.continued = true;
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
    }

    private void content(ChannelHandlerContext ctx, HttpContent content) {
        switch (state) {
            case AUTHENTICATING -> held.add(content);
            case RECEIVING -> receive(ctx, content);
            case DRAINING -> {
                boolean last = content instanceof LastHttpContent;
                ReferenceCountUtil.release(content);
                if (last) {
                    endDraining();
                }
            }
            default -> ctx.fireChannelRead(content);
        }
    }

    private void receive(ChannelHandlerContext ctx, HttpContent content) {
        UploadTransfer current = transfer;
        current.lastReceived = content instanceof LastHttpContent;
        try {
            current.offer(content);
        } catch (ApiException e) {
            refuse(ctx, e);
            return;
        } finally {
            ReferenceCountUtil.release(content);
        }
        if (current.lastReceived) {
            transfer = null;
            state = State.IDLE;
            handOff(ctx, current);
        }
    }

    /** The body is on disk: answer on the API executor, with the read timeout paused while it decodes. */
    private void handOff(ChannelHandlerContext ctx, UploadTransfer complete) {
        pauseReadTimeout(ctx);
        try {
            executor.execute(() -> answer(ctx, complete));
        } catch (RejectedExecutionException e) {
            complete.close();
            resumeReadTimeout(ctx);
            ResponseWriter.write(ctx, dispatcher.refuse(complete.request, complete.route.path(), overloaded()),
                    complete.keepAlive, false);
        }
    }

    /** Runs on the API executor. */
    private void answer(ChannelHandlerContext ctx, UploadTransfer complete) {
        Response response;
        try (complete) {
            response = dispatcher.dispatch(complete.request, complete.route.path(), complete.principal,
                    call -> complete.route.handler().handle(complete.collect(call)));
        } catch (Error e) {
            ctx.close();
            throw e;
        } finally {
            ctx.executor().execute(() -> resumeReadTimeout(ctx));
        }
        ResponseWriter.write(ctx, response, complete.keepAlive, false);
    }

    /**
     * Answers a refusal. The client then either sends the rest of the body, which is read and
     * dropped (see {@link RefusedBody}), or (having asked for 100 Continue and not got it) nothing:
     * then the connection closes.
     */
    private void refuse(ChannelHandlerContext ctx, ApiException error) {
        UploadTransfer refused = transfer;
        refused.close();
        Response answer = dispatcher.refuse(refused.request, refused.route.path(), error);
        if (error.status() >= 500 || error.status() == 401 || error.status() == 413) {
            LOG.info("Upload to {} refused: {} {}", refused.route.path(), error.status(), error.getMessage());
        }
        transfer = null;
        ctx.channel().config().setAutoRead(true);
        if (refused.lastReceived) {
            ResponseWriter.write(ctx, answer, refused.keepAlive, false);
            state = State.IDLE;
        } else if (refused.expectsContinue && !refused.continued) {
            ResponseWriter.write(ctx, answer, false, false);
            state = State.DRAINING;
        } else {
            draining = RefusedBody.answer(ctx, ResponseWriter.full(answer, refused.keepAlive), refused.keepAlive);
            state = State.DRAINING;
        }
    }

    private void endDraining() {
        state = State.IDLE;
        if (draining != null) {
            draining.ended();
            draining = null;
        }
    }

    private void pauseReadTimeout(ChannelHandlerContext ctx) {
        if (ctx.pipeline().get(HttpServer.READ_TIMEOUT) != null) {
            ctx.pipeline().remove(HttpServer.READ_TIMEOUT);
        }
    }

    private void resumeReadTimeout(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && ctx.pipeline().get(HttpServer.READ_TIMEOUT) == null) {
            ctx.pipeline().addFirst(HttpServer.READ_TIMEOUT, new ReadTimeoutHandler(readTimeoutSeconds,
                    TimeUnit.SECONDS));
        }
    }

    private static ApiException overloaded() {
        return new ApiException(503, "overloaded", "the controller is busy; retry in a moment");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    private void release() {
        for (Object msg = held.poll(); msg != null; msg = held.poll()) {
            ReferenceCountUtil.release(msg);
        }
        if (transfer != null) {
            transfer.close();
            transfer = null;
        }
        if (draining != null) {
            draining.cancel();
            draining = null;
        }
    }
}
