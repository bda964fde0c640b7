package vn.loa.controller.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front end's connection to Moquette for one client: what Moquette sends goes to the client,
 * read only while the client can take more; when Moquette closes (keep-alive expired, session
 * taken over, credentials revoked) the client's connection closes too.
 */
final class BrokerRelay extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRelay.class);

    private final Channel client;

    BrokerRelay(Channel client) {
        this.client = client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        client.write(msg, client.voidPromise());
        if (!client.isWritable()) {
            // stop reading first: the flush may make the client writable again at once
            ctx.channel().config().setAutoRead(false);
            client.flush();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        client.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (client.isActive()) {
            client.config().setAutoRead(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (client.isActive()) {
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("The embedded broker's side of {} failed: {}", client.remoteAddress(), cause.toString());
        ctx.close();
    }
}
