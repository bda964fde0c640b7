package vn.loa.controller.mqtt;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded broker's public listeners (plain and TLS): each client connection goes through a
 * {@link ConnectGate} to Moquette, which listens on loopback only. TLS ends here.
 */
final class BrokerFrontEnd implements AutoCloseable {
    private final EventLoopGroup acceptors = new NioEventLoopGroup(1);
    private final EventLoopGroup connections = new NioEventLoopGroup();
    private final List<Channel> listeners = new ArrayList<>();
    private final InetSocketAddress broker;
    private final BrokerAccess access;
    private final RelayedLogins logins;
    private final int maxPacketBytes;
    private final FrontEndLog log = new FrontEndLog();

    BrokerFrontEnd(InetSocketAddress broker, BrokerAccess access, RelayedLogins logins, int maxPacketBytes) {
        this.broker = broker;
        this.access = access;
        this.logins = logins;
        this.maxPacketBytes = maxPacketBytes;
    }

    /** Listens on host:port (0: any free port), with TLS when {@code tls} is not null; the port it got. */
    int listen(String host, int port, SslContext tls) {
        ChannelFuture bound = new ServerBootstrap().group(acceptors, connections).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (tls != null) {
                            channel.pipeline().addLast("tls", tls.newHandler(channel.alloc()));
                        }
                        channel.pipeline().addLast("framer", new MqttPacketFramer(maxPacketBytes))
                                .addLast("gate", new ConnectGate(broker, access, logins, maxPacketBytes, log));
                    }
                })
                .bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + bound.cause(),
                    bound.cause());
        }
        Channel listener = bound.channel();
        listeners.add(listener);
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listeners.forEach(listener -> listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS));
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        connections.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
