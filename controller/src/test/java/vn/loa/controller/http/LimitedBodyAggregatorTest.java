package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.auth.AuthService;
import vn.loa.controller.auth.PasswordHasher;
import vn.loa.controller.metrics.MicrometerControllerMetrics;
import vn.loa.controller.store.Database;

class LimitedBodyAggregatorTest {
    @TempDir
    Path dir;

    @Test
    void oversizedBodyIsAnsweredWithAJson413ThenDroppedAndTheConnectionGoesOn() {
        try (Database database = Database.open(dir.resolve("loa.db"), Clock.systemUTC())) {
            EmbeddedChannel channel = new EmbeddedChannel(new LimitedBodyAggregator(1024, dispatcher(database)));
            channel.writeInbound(post(4096));
            FullHttpResponse response = channel.readOutbound();
            assertThat(response.status().code()).isEqualTo(413);
            assertThat(response.content().toString(StandardCharsets.UTF_8))
                    .contains("\"error\":\"payload_too_large\"").contains("1024 bytes");
            assertThat(HttpUtil.isKeepAlive(response)).isTrue();
            response.release();

            channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[2048])),
                    new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[2048])));
            assertThat((Object) channel.readInbound()).as("the refused body is dropped").isNull();
            assertThat(channel.isOpen()).isTrue();

            channel.writeInbound(post(2), new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[] {'{', '}'})));
            FullHttpRequest next = channel.readInbound();
            assertThat(next.content().readableBytes()).as("the next request is aggregated as usual").isEqualTo(2);
            next.release();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void oversizedBodyOnAConnectionToCloseClosesItWhenTheBodyHasEnded() {
        try (Database database = Database.open(dir.resolve("loa.db"), Clock.systemUTC())) {
            EmbeddedChannel channel = new EmbeddedChannel(new LimitedBodyAggregator(1024, dispatcher(database)));
            DefaultHttpRequest request = post(4096);
            HttpUtil.setKeepAlive(request, false);
            channel.writeInbound(request);
            FullHttpResponse response = channel.readOutbound();
            assertThat(response.status().code()).isEqualTo(413);
            assertThat(HttpUtil.isKeepAlive(response)).isFalse();
            response.release();
            channel.writeInbound(new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[4096])));
            assertThat(channel.isOpen()).isFalse();
        }
    }

    private static Dispatcher dispatcher(Database database) {
        AuthService auth = new AuthService(database, new PasswordHasher(), Clock.systemUTC(), Duration.ofHours(1));
        return new Dispatcher(new Router(), auth, new ApiJson(1024), new MicrometerControllerMetrics());
    }

    private static DefaultHttpRequest post(int contentLength) {
        DefaultHttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/areas");
        request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        return request;
    }
}
