package vn.loa.controller.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty HTTP server. Event-loop threads only parse and write HTTP; every request is answered
 * on the API executor (see {@link ApiChannelHandler}).
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final int READ_TIMEOUT_SECONDS = 60;
    /** How long closing waits for open event streams to write their last chunk. */
    private static final long STREAM_END_WAIT_MILLIS = 1000;
    /** The read-timeout handler's name: a streamed upload pauses it while its file is being checked. */
    static final String READ_TIMEOUT = "readTimeout";
    /** The TLS handler's name, present on HTTPS connections only. */
    static final String TLS = "tls";

    private final Channel channel;
    private final Groups groups;
    private final EventStreams streams;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpServer(Channel channel, Groups groups, EventStreams streams) {
        this.channel = channel;
        this.groups = groups;
        this.streams = streams;
    }

    public static HttpServer start(String host, int port, int maxBodyBytes, Dispatcher dispatcher,
                                   ExecutorService apiExecutor) throws InterruptedException {
        return start(host, port, maxBodyBytes, dispatcher, apiExecutor, List.of());
    }

    /**
     * A server whose {@code uploads} routes stream their multipart bodies to disk (see
     * {@link StreamedUploadHandler}) instead of going through the {@code maxBodyBytes} aggregator.
     */
    public static HttpServer start(String host, int port, int maxBodyBytes, Dispatcher dispatcher,
                                   ExecutorService apiExecutor, List<UploadRoute> uploads)
            throws InterruptedException {
        return start(host, port, maxBodyBytes, dispatcher, apiExecutor, uploads, EventStreams.DEFAULT_KEEP_ALIVE);
    }

    /** As above, HTTPS only with {@code tls} (null: plain HTTP). */
    public static HttpServer start(String host, int port, int maxBodyBytes, Dispatcher dispatcher,
                                   ExecutorService apiExecutor, List<UploadRoute> uploads, SslContext tls)
            throws InterruptedException {
        return start(host, port, maxBodyBytes, dispatcher, apiExecutor, uploads, EventStreams.DEFAULT_KEEP_ALIVE, tls);
    }

    /**
     * As above, with event streams ({@link Response#events}) sending a keep-alive comment every
     * {@code eventKeepAlive} (15 s by default).
     */
    public static HttpServer start(String host, int port, int maxBodyBytes, Dispatcher dispatcher,
                                   ExecutorService apiExecutor, List<UploadRoute> uploads, Duration eventKeepAlive)
            throws InterruptedException {
        return start(host, port, maxBodyBytes, dispatcher, apiExecutor, uploads, eventKeepAlive, null);
    }

    private static HttpServer start(String host, int port, int maxBodyBytes, Dispatcher dispatcher,
                                    ExecutorService apiExecutor, List<UploadRoute> uploads, Duration eventKeepAlive,
                                    SslContext tls) throws InterruptedException {
        Objects.requireNonNull(dispatcher, "dispatcher");
        EventStreams streams = new EventStreams(eventKeepAlive, EventStreams.DEFAULT_MAX_PENDING_BYTES,
                READ_TIMEOUT_SECONDS);
        List<UploadRoute> uploadRoutes = List.copyOf(uploads);
        Objects.requireNonNull(apiExecutor, "apiExecutor");
        Groups groups = new Groups();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(groups.boss, groups.workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (tls != null) {
                            channel.pipeline().addLast(TLS, tls.newHandler(channel.alloc()));
                        }
                        channel.pipeline()
                                .addLast(READ_TIMEOUT, new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec(8192, 16 * 1024, 8192));
                        if (tls != null) {
                            // files go out in encrypted chunks: sendfile cannot pass through TLS
                            channel.pipeline().addLast(new ChunkedWriteHandler());
                        }
                        channel.pipeline()
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new StreamedUploadHandler(uploadRoutes, dispatcher, apiExecutor,
                                        READ_TIMEOUT_SECONDS))
                                .addLast(new LimitedBodyAggregator(maxBodyBytes, dispatcher))
                                .addLast(new ApiChannelHandler(dispatcher, apiExecutor, streams));
                    }
                });
        try {
            Channel bound = bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
            HttpServer server = new HttpServer(bound, groups, streams);
            LOG.info("HTTP API listening on {}:{}{}", host, server.port(), tls == null ? "" : " (HTTPS only)");
            return server;
        } catch (RuntimeException | InterruptedException e) {
            groups.shutdown();
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * Stops the server: every open event stream ends (its close actions run), then every connection
     * closes. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            streams.closeAll().get(STREAM_END_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("Event streams did not all end cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close().syncUninterruptibly();
        groups.shutdown();
    }

    /** The event-loop groups of one server. */
    private static final class Groups {
        private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

        void shutdown() {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
