package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An event stream on one connection, driven through an {@link EmbeddedChannel} with a frozen clock. */
class SseChannelTest {
    private final EventStreams streams = new EventStreams(Duration.ofSeconds(15), 1024 * 1024, 60);
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicReference<EventChannel> events = new AtomicReference<>();

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void streamHeadIsAnUncachedUnbufferedChunkedEventStream() {
        open(true);
        HttpResponse head = channel.readOutbound();
        assertThat(head.status().code()).isEqualTo(200);
        assertThat(head.headers().get("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
        assertThat(head.headers().get("Cache-Control")).isEqualTo("no-cache");
        assertThat(head.headers().get("X-Accel-Buffering")).isEqualTo("no");
        assertThat(head.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(HttpUtil.isTransferEncodingChunked(head)).isTrue();
        assertThat(head.headers().contains("Content-Length")).isFalse();
        assertThat(head).isNotInstanceOf(LastHttpContent.class);
    }

    @Test
    void openStreamHasNoReadTimeoutAndKnowsWhereTheClientResumes() {
        open(true);
        assertThat(channel.pipeline().get(HttpServer.READ_TIMEOUT)).isNull();
        assertThat(events.get().lastEventId()).contains("41");
        assertThat(events.get().isOpen()).isTrue();
    }

    @Test
    void eachEventIsOneChunkInUtf8() {
        open(true);
        channel.readOutbound();
        assertThat(events.get().send("alert", "7", "Cảnh báo lũ\nSơ tán")).isTrue();
        assertThat(events.get().send(null, null, "thứ hai")).isTrue();
        channel.runPendingTasks();
        assertThat(nextChunk()).isEqualTo("event: alert\nid: 7\ndata: Cảnh báo lũ\ndata: Sơ tán\n\n");
        assertThat(nextChunk()).isEqualTo("data: thứ hai\n\n");
    }

    @Test
    void keepAliveCommentIsSentOnceEachInterval() {
        open(true);
        channel.readOutbound();
        channel.advanceTimeBy(14, TimeUnit.SECONDS);
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isNull();
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runPendingTasks();
        channel.runPendingTasks();
        assertThat(nextChunk()).isEqualTo(": keep-alive\n\n");
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void closeEndsTheResponseAndTheConnectionTakesTheNextRequest() {
        AtomicInteger closed = new AtomicInteger();
        open(true);
        events.get().onClose(closed::incrementAndGet);
        channel.readOutbound();
        events.get().close();
        events.get().close();
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(closed).hasValue(1);
        assertThat(events.get().isOpen()).isFalse();
        assertThat(events.get().send("late", null, "x")).isFalse();
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.pipeline().get(HttpServer.READ_TIMEOUT)).isInstanceOf(ReadTimeoutHandler.class);
        assertThat(channel.pipeline().get(ClientSilence.NAME)).isNull();
        assertThat(streams.openCount()).isZero();
    }

    @Test
    void streamOnAConnectionWithoutKeepAliveClosesItWhenItEnds() {
        open(false);
        events.get().close();
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void clientDisconnectRunsTheCloseActions() {
        List<String> ran = new ArrayList<>();
        open(true);
        events.get().onClose(() -> ran.add("first"));
        events.get().onClose(() -> ran.add("second"));
        channel.close();
        assertThat(ran).containsExactly("first", "second");
        assertThat(events.get().isOpen()).isFalse();
        assertThat(events.get().send("late", null, "x")).isFalse();
    }

    @Test
    void closeActionAddedAfterTheEndRunsAtOnce() {
        AtomicInteger closed = new AtomicInteger();
        open(true);
        events.get().close();
        events.get().onClose(closed::incrementAndGet);
        assertThat(closed).hasValue(1);
    }

    @Test
    void failingCloseActionDoesNotStopTheOthers() {
        AtomicInteger closed = new AtomicInteger();
        open(true);
        events.get().onClose(() -> {
            throw new IllegalStateException("listener bug");
        });
        events.get().onClose(closed::incrementAndGet);
        events.get().close();
        assertThat(closed).hasValue(1);
    }

    @Test
    void clientSendingDataOnTheStreamIsDisconnected() {
        open(true);
        channel.writeInbound(Unpooled.copiedBuffer("GET /other HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII));
        assertThat(channel.isOpen()).isFalse();
        assertThat(events.get().isOpen()).isFalse();
    }

    @Test
    void sourceThatFailsToOpenEndsTheStream() {
        prepare();
        ResponseWriter.write(context(), Response.events(stream -> {
            events.set(stream);
            throw new IllegalStateException("source bug");
        }), true, false, streams, request());
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).isInstanceOf(HttpResponse.class);
        assertThat((Object) channel.readOutbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(events.get().isOpen()).isFalse();
    }

    @Test
    void headRequestGetsTheHeadersAndNoStream() {
        prepare();
        ResponseWriter.write(context(), Response.events(events::set), true, true, streams, request());
        HttpResponse head = channel.readOutbound();
        assertThat(head.headers().get("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
        assertThat(events.get()).isNull();
        assertThat(streams.openCount()).isZero();
    }

    @Test
    void eventStreamWhereNoneCanOpenIsAServerError() {
        prepare();
        ResponseWriter.write(context(), Response.events(events::set), true, false);
        HttpResponse answer = channel.readOutbound();
        assertThat(answer.status().code()).isEqualTo(500);
        assertThat(events.get()).isNull();
    }

    @Test
    void stoppingTheServerEndsEveryStreamAndLaterOnesAtOnce() {
        AtomicInteger closed = new AtomicInteger();
        open(true);
        events.get().onClose(closed::incrementAndGet);
        streams.closeAll();
        channel.runPendingTasks();
        assertThat(closed).hasValue(1);
        assertThat(channel.isOpen()).isFalse();

        EmbeddedChannel later = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        AtomicReference<EventChannel> lateStream = new AtomicReference<>();
        ResponseWriter.write(later.pipeline().lastContext(), Response.events(lateStream::set), true, false, streams,
                request());
        assertThat(lateStream.get().isOpen()).isFalse();
        assertThat(streams.openCount()).isZero();
        later.finishAndReleaseAll();
    }

    @Test
    void clientThatIsNotReadingIsCutOff() {
        EventStreams small = new EventStreams(Duration.ofSeconds(15), 1000, 60);
        EmbeddedChannel stuck = new EmbeddedChannel(new UnsentWrites(), new ChannelInboundHandlerAdapter());
        ResponseWriter.write(stuck.pipeline().lastContext(), Response.events(events::set), true, false, small,
                request());
        AtomicInteger closed = new AtomicInteger();
        events.get().onClose(closed::incrementAndGet);
        int sent = 0;
        while (events.get().send("chunk", null, "x".repeat(100)) && sent < 100) {
            sent++;
            stuck.runPendingTasks();
        }
        stuck.runPendingTasks();
        assertThat(sent).isBetween(5, 10);
        assertThat(closed).hasValue(1);
        assertThat(stuck.isOpen()).isFalse();
        stuck.finishAndReleaseAll();
    }

    private void open(boolean keepAlive) {
        prepare();
        ResponseWriter.write(context(), Response.events(events::set), keepAlive, false, streams, request());
        channel.runPendingTasks();
    }

    private void prepare() {
        channel.freezeTime();
        channel.pipeline().addLast(HttpServer.READ_TIMEOUT, new ReadTimeoutHandler(60, TimeUnit.SECONDS))
                .addLast(new ChannelInboundHandlerAdapter());
    }

    private ChannelHandlerContext context() {
        return channel.pipeline().lastContext();
    }

    private String nextChunk() {
        HttpContent chunk = channel.readOutbound();
        try {
            assertThat(chunk).isNotInstanceOf(LastHttpContent.class);
            return chunk.content().toString(StandardCharsets.UTF_8);
        } finally {
            chunk.release();
        }
    }

    private static Request request() {
        return new Request("GET", "/events", Map.of(), Map.of("last-event-id", "41"), null, Map.of());
    }
}
