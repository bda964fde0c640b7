package vn.loa.controller.bench;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The MQTT 3.1.1 client side of one connection: CONNECT/CONNACK, packet ids and their pending
 * acknowledgements (PUBACK, SUBACK), PUBACK for each QoS 1 PUBLISH received, PINGREQ when the
 * client has written nothing for a keepalive. Owned by the channel's event loop: every method runs
 * there.
 */
final class FleetSession extends SimpleChannelInboundHandler<MqttMessage> {
    private static final int MAX_PACKET_ID = 65_535;
    private static final MqttMessage PINGREQ = new MqttMessage(
            new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0));

    private final FleetClientOptions options;
    private final FleetMessageHandler messages;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<Void>> pending = new HashMap<>();
    private int lastPacketId;
    private boolean acksToFlush;

    FleetSession(FleetClientOptions options, FleetMessageHandler messages) {
        this.options = options;
        this.messages = messages;
    }

    CompletableFuture<Void> connected() {
        return connected;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        MqttMessageBuilders.ConnectBuilder connect = MqttMessageBuilders.connect()
                .protocolVersion(io.netty.handler.codec.mqtt.MqttVersion.MQTT_3_1_1)
                .clientId(options.clientId())
                .cleanSession(options.cleanSession())
                .keepAlive(options.keepAliveSeconds());
        FleetWill will = options.will();
        if (will != null) {
            connect.willFlag(true).willTopic(will.topic()).willMessage(will.payload()).willQoS(will.qos())
                    .willRetain(will.retain());
        }
        if (options.username() != null) {
            connect.hasUser(true).username(options.username());
        }
        if (options.password() != null) {
            connect.hasPassword(true).password(options.password());
        }
        ctx.writeAndFlush(connect.build()).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        ctx.fireChannelActive();
    }

    /** Sends a SUBSCRIBE at QoS 1; the future completes on a SUBACK that grants it. */
    void subscribe(ChannelHandlerContext ctx, String topicFilter, CompletableFuture<Void> done) {
        int packetId = register(done);
        if (packetId < 0) {
            return;
        }
        ctx.writeAndFlush(MqttMessageBuilders.subscribe().messageId(packetId)
                .addSubscription(MqttQoS.AT_LEAST_ONCE, topicFilter).build()).addListener(failOn(packetId));
    }

    /** Sends a PUBLISH; QoS 0 completes once written, QoS 1 on its PUBACK. */
    void publish(ChannelHandlerContext ctx, String topic, byte[] payload, MqttQoS qos, boolean retain,
                 CompletableFuture<Void> done) {
        MqttMessageBuilders.PublishBuilder publish = MqttMessageBuilders.publish().topicName(topic).qos(qos)
                .retained(retain).payload(Unpooled.wrappedBuffer(payload));
        if (qos == MqttQoS.AT_MOST_ONCE) {
            ctx.writeAndFlush(publish.build()).addListener(f -> {
                if (f.isSuccess()) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(f.cause());
                }
            });
            return;
        }
        if (qos != MqttQoS.AT_LEAST_ONCE) {
            done.completeExceptionally(new UnsupportedOperationException("the fleet client publishes QoS 0 or 1"));
            return;
        }
        int packetId = register(done);
        if (packetId >= 0) {
            ctx.writeAndFlush(publish.messageId(packetId).build()).addListener(failOn(packetId));
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        long receivedNanos = System.nanoTime();
        if (message.decoderResult().isFailure()) {
            ctx.close();
            fail(new IllegalStateException("undecodable packet from the broker", message.decoderResult().cause()));
            return;
        }
        switch (message.fixedHeader().messageType()) {
            case CONNACK -> connAck(ctx, (MqttConnAckMessage) message);
            case PUBLISH -> received(ctx, (MqttPublishMessage) message, receivedNanos);
            case PUBACK -> acknowledged(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
            case SUBACK -> subAck((MqttSubAckMessage) message);
            default -> {
                // PINGRESP and anything a 3.1.1 broker may add: nothing to do
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (acksToFlush) {
            acksToFlush = false;
            ctx.flush(); // one flush for every PUBACK of this read
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                ctx.writeAndFlush(PINGREQ);
            } else if (idle.state() == IdleState.READER_IDLE) {
                ctx.close(); // not even a PINGRESP for two keepalives: the broker is gone
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new ClosedChannelException());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
        ctx.close();
    }

    private void connAck(ChannelHandlerContext ctx, MqttConnAckMessage ack) {
        MqttConnectReturnCode code = ack.variableHeader().connectReturnCode();
        if (code == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            connected.complete(null);
        } else {
            connected.completeExceptionally(new IllegalStateException("the broker refused the connection: " + code));
            ctx.close();
        }
    }

    private void received(ChannelHandlerContext ctx, MqttPublishMessage publish, long receivedNanos) {
        byte[] payload = ByteBufUtil.getBytes(publish.content());
        try {
            messages.messageArrived(publish.variableHeader().topicName(), payload, receivedNanos);
        } finally {
            if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
                ctx.write(MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build());
                acksToFlush = true;
            }
        }
    }

    private void subAck(MqttSubAckMessage ack) {
        int packetId = ack.variableHeader().messageId();
        CompletableFuture<Void> done = pending.remove(packetId);
        if (done == null) {
            return;
        }
        if (ack.payload().grantedQoSLevels().stream().anyMatch(qos -> qos >= 0x80)) {
            done.completeExceptionally(new IllegalStateException("the broker refused the subscription"));
        } else {
            done.complete(null);
        }
    }

    private void acknowledged(int packetId) {
        CompletableFuture<Void> done = pending.remove(packetId);
        if (done != null) {
            done.complete(null);
        }
    }

    /** A free packet id for this future, or -1 (and the future failed) when all 65,535 are in flight. */
    private int register(CompletableFuture<Void> done) {
        if (pending.size() >= MAX_PACKET_ID) {
            done.completeExceptionally(new IllegalStateException("65,535 packets in flight"));
            return -1;
        }
        do {
            lastPacketId = lastPacketId == MAX_PACKET_ID ? 1 : lastPacketId + 1;
        } while (pending.containsKey(lastPacketId));
        pending.put(lastPacketId, done);
        return lastPacketId;
    }

    private ChannelFutureListener failOn(int packetId) {
        return f -> {
            if (!f.isSuccess()) {
                CompletableFuture<Void> done = pending.remove(packetId);
                if (done != null) {
                    done.completeExceptionally(f.cause());
                }
            }
        };
    }

    private void fail(Throwable cause) {
        connected.completeExceptionally(cause);
        List<CompletableFuture<Void>> waiting = new ArrayList<>(pending.values());
        pending.clear();
        waiting.forEach(done -> done.completeExceptionally(cause));
    }
}
