package vn.loa.controller.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small MQTT 3.1.1 client on Netty's MQTT codec, so that a thousand of them share one small
 * event-loop group instead of four threads each (Paho). It connects, subscribes at QoS 1,
 * publishes at QoS 0 or 1 and hands what it receives to a {@link FleetMessageHandler} on its event
 * loop. No reconnect: a lost connection completes {@link #closed()}. Thread-safe: every operation
 * is handed to the connection's event loop.
 */
public final class FleetMqttClient implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final MqttMessage DISCONNECT = new MqttMessage(
            new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0));

    private final Channel channel;
    private final ChannelHandlerContext session;
    private final FleetSession handler;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private FleetMqttClient(Channel channel, FleetSession handler) {
        this.channel = channel;
        this.handler = handler;
        this.session = channel.pipeline().context(handler);
        channel.closeFuture().addListener(f -> closed.complete(null));
    }

    /** Connects; the future completes once the broker accepted the connection (CONNACK). */
    public static CompletableFuture<FleetMqttClient> connect(EventLoopGroup group, InetSocketAddress broker,
                                                             FleetClientOptions options, FleetMessageHandler messages) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(messages, "messages");
        FleetSession handler = new FleetSession(options, messages);
        int keepAlive = options.keepAliveSeconds();
        ChannelFuture connecting = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new MqttDecoder(options.maxMessageBytes()), MqttEncoder.INSTANCE);
                        if (keepAlive > 0) {
                            ch.pipeline().addLast(new IdleStateHandler(2L * keepAlive, keepAlive, 0, TimeUnit.SECONDS));
                        }
                        ch.pipeline().addLast(handler);
                    }
                })
                .connect(broker);
        CompletableFuture<FleetMqttClient> result = new CompletableFuture<>();
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
            }
        });
        handler.connected().whenComplete((ok, failure) -> {
            if (failure != null) {
                connecting.channel().close();
                result.completeExceptionally(failure);
            } else {
                result.complete(new FleetMqttClient(connecting.channel(), handler));
            }
        });
        return result;
    }

    /** Subscribes at QoS 1; completes on a SUBACK that grants it. */
    public CompletableFuture<Void> subscribe(String topicFilter) {
        Objects.requireNonNull(topicFilter, "topicFilter");
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(done, () -> handler.subscribe(session, topicFilter, done));
        return done;
    }

    /** Publishes at QoS 0 (completes once written) or QoS 1 (completes on the PUBACK). */
    public CompletableFuture<Void> publish(String topic, byte[] payload, MqttQoS qos, boolean retain) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(done, () -> handler.publish(session, topic, payload, qos, retain, done));
        return done;
    }

    /** The event loop that owns this connection: callbacks run on it, and work given to it runs in order. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    public boolean isConnected() {
        return channel.isActive();
    }

    /** Completes when the connection is closed, by {@link #close()}, by the broker or by a failure. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** Drops the connection without a DISCONNECT, as a crash or a cut cable would: the broker sends the will. */
    public CompletableFuture<Void> dropConnection() {
        channel.close();
        return closed;
    }

    /** Sends DISCONNECT and closes; returns once closed or after 5 s. */
    @Override
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(DISCONNECT).addListener(f -> channel.close());
        } else {
            channel.close();
        }
        // closed() completes in a listener of the close future, which may run after a waiter on it wakes up
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // closed or not within 5 s: the caller sees it in closed()
        }
    }

    private void onLoop(CompletableFuture<Void> done, Runnable work) {
        if (!channel.isActive()) {
            done.completeExceptionally(new IllegalStateException("not connected"));
            return;
        }
        channel.eventLoop().execute(work);
    }
}
