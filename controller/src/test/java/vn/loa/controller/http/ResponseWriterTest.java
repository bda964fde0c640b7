package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files go out as a file region (sendfile), never copied through the heap. */
class ResponseWriterTest {
    @TempDir
    Path dir;

    @Test
    void fileIsWrittenAsAFileRegion() throws Exception {
        Path file = Files.write(dir.resolve("a.wav"), new byte[1000]);
        EmbeddedChannel channel = channel();
        ResponseWriter.write(context(channel), Response.file(206, "audio/wav", new FileSlice(file, 100, 50)), true,
                false);
        HttpResponse head = channel.readOutbound();
        assertThat(head.status().code()).isEqualTo(206);
        assertThat(head.headers().get("Content-Length")).isEqualTo("50");
        assertThat(head.headers().get("Content-Type")).isEqualTo("audio/wav");
        DefaultFileRegion region = channel.readOutbound();
        assertThat(region.position()).isEqualTo(100);
        assertThat(region.count()).isEqualTo(50);
        region.release();
        Object last = channel.readOutbound();
        assertThat(last).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        channel.finishAndReleaseAll();
    }

    @Test
    void headAnswerHasTheLengthButNoBody() throws Exception {
        Path file = Files.write(dir.resolve("a.wav"), new byte[1000]);
        EmbeddedChannel channel = channel();
        ResponseWriter.write(context(channel), Response.file(200, "audio/wav", new FileSlice(file, 0, 1000)), true,
                true);
        FullHttpResponse response = channel.readOutbound();
        assertThat(response.headers().get("Content-Length")).isEqualTo("1000");
        assertThat(response.content().readableBytes()).isZero();
        ReferenceCountUtil.release(response);
        Object nothing = channel.readOutbound();
        assertThat(nothing).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void missingFileIsAJsonServerError() {
        EmbeddedChannel channel = channel();
        ResponseWriter.write(context(channel), Response.file(200, "audio/wav",
                new FileSlice(dir.resolve("gone.wav"), 0, 10)), true, false);
        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(500);
        assertThat(response.content().toString(java.nio.charset.StandardCharsets.UTF_8)).contains("internal_error");
        ReferenceCountUtil.release(response);
        channel.finishAndReleaseAll();
    }

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    }

    private static ChannelHandlerContext context(EmbeddedChannel channel) {
        return channel.pipeline().firstContext();
    }
}
