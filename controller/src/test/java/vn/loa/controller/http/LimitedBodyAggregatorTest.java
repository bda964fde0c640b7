package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
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
    void oversizedBodyIsAnsweredWithAJson413AndTheConnectionCloses() {
        try (Database database = Database.open(dir.resolve("loa.db"), Clock.systemUTC())) {
            AuthService auth = new AuthService(database, new PasswordHasher(), Clock.systemUTC(), Duration.ofHours(1));
            Dispatcher dispatcher = new Dispatcher(new Router(), auth, new ApiJson(1024),
                    new MicrometerControllerMetrics());
            EmbeddedChannel channel = new EmbeddedChannel(new LimitedBodyAggregator(1024, dispatcher));
            DefaultHttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/areas");
            request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 4096);
            channel.writeInbound(request);
            FullHttpResponse response = channel.readOutbound();
            assertThat(response.status().code()).isEqualTo(413);
            assertThat(response.content().toString(StandardCharsets.UTF_8))
                    .contains("\"error\":\"payload_too_large\"").contains("1024 bytes");
            assertThat(channel.isOpen()).isFalse();
            response.release();
        }
    }
}
