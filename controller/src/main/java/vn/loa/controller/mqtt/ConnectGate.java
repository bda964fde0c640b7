package vn.loa.controller.mqtt;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front end's gate on one client connection, after {@link MqttPacketFramer}: the first packet
 * must be a CONNECT, whose last will {@link BrokerAccess#allowsWill} must allow (else a CONNACK
 * "not authorized" and the connection closes: Moquette never sees nor stores the will). Then the
 * CONNECT goes on to Moquette on loopback with its password marked ({@link RelayedLogins}), the
 * other packets as they came, and its answers back, each side reading only while the
 * other can take more. A second CONNECT closes the connection (Moquette would read it as a new
 * login, will and all).
 */
final class ConnectGate extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectGate.class);
    private static final int CONNECT = 1;
    private static final int FIRST_PACKET_SECONDS = 10;

    private enum State { AWAITING_CONNECT, OPENING, RELAYING, CLOSED }

    private final InetSocketAddress broker;
    private final BrokerAccess access;
    private final RelayedLogins logins;
    private final int maxPacketBytes;
    private final FrontEndLog log;
    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private State state = State.AWAITING_CONNECT;
    private Channel backend;
    private ScheduledFuture<?> firstPacketTimeout;

    ConnectGate(InetSocketAddress broker, BrokerAccess access, RelayedLogins logins, int maxPacketBytes,
                FrontEndLog log) {
        this.broker = broker;
        this.access = access;
        this.logins = logins;
        this.maxPacketBytes = maxPacketBytes;
        this.log = log;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        firstPacketTimeout = ctx.executor().schedule(() -> {
            if (state == State.AWAITING_CONNECT) {
                LOG.debug("No CONNECT from {} within {} s: closed", ctx.channel().remoteAddress(), FIRST_PACKET_SECONDS);
                ctx.close();
            }
        }, FIRST_PACKET_SECONDS, TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf packet = (ByteBuf) msg;
        switch (state) {
            case AWAITING_CONNECT -> {
                firstPacketTimeout.cancel(false);
                MqttConnectMessage connect = admit(ctx, packet);
                if (connect != null) {
                    pending.add(relayed(connect, packet));
                    openBackend(ctx);
                } else {
                    packet.release();
                }
            }
            case OPENING -> {
                if (secondConnect(ctx, packet)) {
                    return;
                }
                pending.add(packet);
            }
            case RELAYING -> {
                if (secondConnect(ctx, packet)) {
                    return;
                }
                backend.write(packet, backend.voidPromise());
                if (!backend.isWritable()) {
                    // stop reading first: the flush may make the backend writable again at once
                    ctx.channel().config().setAutoRead(false);
                    backend.flush();
                }
            }
            default -> packet.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (state == State.RELAYING) {
            backend.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (backend != null) {
            backend.config().setAutoRead(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        if (firstPacketTimeout != null) {
            firstPacketTimeout.cancel(false);
        }
        releasePending();
        if (backend != null) {
            // what the client sent last (a DISCONNECT, say) reaches Moquette before the close
            backend.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.clientFailed(ctx.channel(), cause);
        ctx.close();
    }

    /** The CONNECT if it may go on to Moquette; null when refused (the connection closes). */
    private MqttConnectMessage admit(ChannelHandlerContext ctx, ByteBuf packet) {
        if (MqttPacketFramer.type(packet) != CONNECT) {
            LOG.debug("The first packet from {} is not a CONNECT: closed", ctx.channel().remoteAddress());
            ctx.close();
            return null;
        }
        MqttConnectMessage connect = decode(packet);
        if (connect == null) {
            LOG.debug("An unreadable CONNECT from {}: closed", ctx.channel().remoteAddress());
            ctx.close();
            return null;
        }
        if (!connect.variableHeader().isWillFlag()) {
            return connect;
        }
        String username = connect.variableHeader().hasUserName() ? connect.payload().userName() : null;
        if (access.allowsWill(username, connect.payload().willTopic())) {
            return connect;
        }
        state = State.CLOSED;
        ctx.writeAndFlush(notAuthorized(connect.variableHeader().version())).addListener(ChannelFutureListener.CLOSE);
        return null;
    }

    /** The CONNECT as Moquette gets it: the password marked as having come through here. */
    private ByteBuf relayed(MqttConnectMessage connect, ByteBuf packet) {
        if (!connect.variableHeader().hasPassword()) {
            return packet; // Moquette refuses it (no password), as it would have
        }
        MqttConnectPayload payload = connect.payload();
        MqttConnectPayload marked = new MqttConnectPayload(payload.clientIdentifier(), payload.willProperties(),
                payload.willTopic(), payload.willMessageInBytes(), payload.userName(),
                logins.marked(payload.passwordInBytes()));
        EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
        try {
            encoder.writeOutbound(new MqttConnectMessage(connect.fixedHeader(), connect.variableHeader(), marked));
            return encoder.readOutbound();
        } finally {
            packet.release();
            encoder.finishAndReleaseAll();
        }
    }

    private MqttConnectMessage decode(ByteBuf packet) {
        EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder(maxPacketBytes));
        try {
            decoder.writeInbound(packet.retainedDuplicate());
            Object decoded = decoder.readInbound();
            if (decoded instanceof MqttConnectMessage connect && connect.decoderResult().isSuccess()) {
                return connect;
            }
            ReferenceCountUtil.release(decoded);
            return null;
        } finally {
            decoder.finishAndReleaseAll();
        }
    }

    /** CONNACK: 0x05 "not authorized" (MQTT 3.1 and 3.1.1); 0x87 with no properties (MQTT 5). */
    private static ByteBuf notAuthorized(int version) {
        return version == MqttVersion.MQTT_5.protocolLevel()
                ? Unpooled.wrappedBuffer(new byte[] {0x20, 3, 0, (byte) 0x87, 0})
                : Unpooled.wrappedBuffer(new byte[] {0x20, 2, 0, 5});
    }

    private boolean secondConnect(ChannelHandlerContext ctx, ByteBuf packet) {
        if (MqttPacketFramer.type(packet) != CONNECT) {
            return false;
        }
        packet.release();
        LOG.debug("A second CONNECT on the connection from {}: closed", ctx.channel().remoteAddress());
        ctx.close();
        return true;
    }

    private void openBackend(ChannelHandlerContext ctx) {
        state = State.OPENING;
        Channel client = ctx.channel();
        client.config().setAutoRead(false);
        ChannelFuture connecting = new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new BrokerRelay(client))
                .connect(broker);
        backend = connecting.channel();
        connecting.addListener((ChannelFuture done) -> {
            if (state != State.OPENING) {
                return; // the client went away meanwhile: channelInactive closes the backend
            }
            if (!done.isSuccess()) {
                LOG.error("The front end cannot reach the embedded broker on {}: {}", broker, done.cause().toString());
                client.close();
                return;
            }
            state = State.RELAYING;
            while (!pending.isEmpty()) {
                backend.write(pending.poll(), backend.voidPromise());
            }
            backend.flush();
            client.config().setAutoRead(backend.isWritable());
        });
    }

    private void releasePending() {
        while (!pending.isEmpty()) {
            pending.poll().release();
        }
    }
}
