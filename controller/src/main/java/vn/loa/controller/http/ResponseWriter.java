package vn.loa.controller.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Response} to a channel: bytes as one full response, a file as headers, a
 * {@link DefaultFileRegion} (sendfile, zero-copy; over TLS, encrypted chunks instead) and the last
 * content, an event stream as chunked headers and then one chunk per event (see {@link SseChannel}). Called from the API
 * executor; Netty runs the writes, in order, on the event loop. HEAD, 204 and 304 answers carry
 * the headers (Content-Length included) and no body; an event stream is then never opened.
 */
final class ResponseWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);
    private static final int FILE_CHUNK_BYTES = 64 * 1024;
    private static final byte[] UNREADABLE_FILE = ("{\"error\":\"internal_error\",\"message\":"
            + "\"the file to send cannot be read; see the controller's log\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_EVENT_STREAM = ("{\"error\":\"internal_error\",\"message\":"
            + "\"this request cannot be answered with an event stream\"}").getBytes(StandardCharsets.UTF_8);

    private ResponseWriter() {
    }

    /** Writes a response that is not an event stream (one would be answered with a 500). */
    static void write(ChannelHandlerContext ctx, Response answer, boolean keepAlive, boolean head) {
        write(ctx, answer, keepAlive, head, null, null);
    }

    /**
     * Writes the answer to {@code request}; an event stream is opened through {@code streams}, and
     * its source opened on this thread.
     */
    static void write(ChannelHandlerContext ctx, Response answer, boolean keepAlive, boolean head,
                      EventStreams streams, Request request) {
        boolean bodiless = head || answer.status() == 204 || answer.status() == 304;
        if (answer.events() != null && !bodiless) {
            writeEvents(ctx, answer, keepAlive, streams, request);
            return;
        }
        if (answer.file() != null && !bodiless) {
            writeFile(ctx, answer, keepAlive);
            return;
        }
        FullHttpResponse response = full(answer, keepAlive, bodiless);
        finish(ctx.writeAndFlush(response), keepAlive);
    }

    /** A response held in memory (not a file, not an event stream) as one full HTTP response. */
    static FullHttpResponse full(Response answer, boolean keepAlive) {
        return full(answer, keepAlive, answer.status() == 204 || answer.status() == 304);
    }

    private static FullHttpResponse full(Response answer, boolean keepAlive, boolean bodiless) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                bodiless ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()));
        setHeaders(response, answer, keepAlive);
        return response;
    }

    private static void writeFile(ChannelHandlerContext ctx, Response answer, boolean keepAlive) {
        FileSlice slice = answer.file();
        FileChannel file;
        try {
            file = FileChannel.open(slice.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            LOG.error("Cannot open {} to send it: {}", slice.path(), e.toString());
            write(ctx, new Response(500, Response.JSON, UNREADABLE_FILE, Map.of()), keepAlive, false);
            return;
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()));
        setHeaders(response, answer, keepAlive);
        ctx.write(response);
        if (ctx.pipeline().get(HttpServer.TLS) != null) {
            try {
                finish(ctx.writeAndFlush(new HttpChunkedInput(new ChunkedNioFile(file, slice.offset(), slice.length(),
                        FILE_CHUNK_BYTES))), keepAlive);
            } catch (IOException e) {
                LOG.error("Cannot send {}: {}", slice.path(), e.toString());
                ctx.close();
            }
            return;
        }
        ctx.write(new DefaultFileRegion(file, slice.offset(), slice.length()));
        finish(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
    }

    private static void writeEvents(ChannelHandlerContext ctx, Response answer, boolean keepAlive,
                                    EventStreams streams, Request request) {
        if (streams == null || request == null) {
            LOG.error("An event stream was answered where none can be opened; answering 500 instead");
            write(ctx, new Response(500, Response.JSON, NO_EVENT_STREAM, Map.of()), keepAlive, false);
            return;
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()));
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        response.headers().set("X-Accel-Buffering", "no");
        setCommonHeaders(response, answer, keepAlive);
        HttpUtil.setTransferEncodingChunked(response, true);
        SseChannel channel = streams.open(ctx, response, keepAlive, request.header("last-event-id"));
        try {
            answer.events().open(channel);
        } catch (RuntimeException e) {
            LOG.error("Ending an event stream to {}: it failed to open", ctx.channel().remoteAddress(), e);
            channel.close();
        }
    }

    private static void setHeaders(HttpResponse response, Response answer, boolean keepAlive) {
        setCommonHeaders(response, answer, keepAlive);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, answer.contentLength());
    }

    private static void setCommonHeaders(HttpResponse response, Response answer, boolean keepAlive) {
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().set("X-Content-Type-Options", "nosniff");
        HttpUtil.setKeepAlive(response, keepAlive);
    }

    private static void finish(ChannelFuture written, boolean keepAlive) {
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
