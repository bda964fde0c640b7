package vn.loa.controller.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.concurrent.TimeUnit;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First in the pipeline while an event stream is open: the client only listens, so anything it
 * sends (a pipelined request, which could never be answered before the endless stream ends) closes
 * the connection instead of interleaving a second response with the events. Event loop only.
 */
final class ClientSilence extends ChannelInboundHandlerAdapter {
    static final String NAME = "eventStreamClientSilence";
    private static final Logger LOG = LoggerFactory.getLogger(ClientSilence.class);

    /** When a stream opens: no read timeout (the client sends nothing while it listens), no further request. */
    static void install(ChannelPipeline pipeline) {
        if (pipeline.get(HttpServer.READ_TIMEOUT) != null) {
            pipeline.remove(HttpServer.READ_TIMEOUT);
        }
        pipeline.addFirst(NAME, new ClientSilence());
    }

    /** When a stream ends and the connection stays: requests again, with the usual idle limit. */
    static void lift(ChannelPipeline pipeline, int readTimeoutSeconds) {
        if (pipeline.get(NAME) != null) {
            pipeline.remove(NAME);
        }
        if (pipeline.get(HttpServer.READ_TIMEOUT) == null && pipeline.channel().isActive()) {
            pipeline.addFirst(HttpServer.READ_TIMEOUT, new ReadTimeoutHandler(readTimeoutSeconds, TimeUnit.SECONDS));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ReferenceCountUtil.release(message);
        if (ctx.channel().isOpen()) {
            LOG.debug("Closing the event stream to {}: the client sent data on it", ctx.channel().remoteAddress());
            ctx.close();
        }
    }
}
