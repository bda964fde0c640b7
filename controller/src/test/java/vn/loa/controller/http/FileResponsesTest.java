package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.controller.api.ApiJson;

class FileResponsesTest {
    private static final Path FILE = Path.of("/data/audio/abc.wav");
    private static final String ETAG = "\"abc\"";
    private final FileResponses files = new FileResponses(new ApiJson(64 * 1024));

    @Test
    void wholeFileWithItsTagAndRanges() {
        Response response = serve(Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.file()).isEqualTo(new FileSlice(FILE, 0, 1000));
        assertThat(response.contentType()).isEqualTo("audio/wav");
        assertThat(response.headers()).containsEntry("ETag", ETAG).containsEntry("Accept-Ranges", "bytes");
    }

    @Test
    void rangeIsAPartialAnswer() {
        Response response = serve(Map.of("range", "bytes=100-199"));
        assertThat(response.status()).isEqualTo(206);
        assertThat(response.file()).isEqualTo(new FileSlice(FILE, 100, 100));
        assertThat(response.contentLength()).isEqualTo(100);
        assertThat(response.headers()).containsEntry("Content-Range", "bytes 100-199/1000");
    }

    @Test
    void matchingTagIsNotModified() {
        for (String tags : List.of(ETAG, "\"other\", " + ETAG, "W/" + ETAG, "*")) {
            Response response = serve(Map.of("if-none-match", tags, "range", "bytes=0-1"));
            assertThat(response.status()).as(tags).isEqualTo(304);
            assertThat(response.headers()).containsEntry("ETag", ETAG);
        }
        assertThat(serve(Map.of("if-none-match", "\"other\"")).status()).isEqualTo(200);
    }

    @Test
    void unsatisfiableRangeIs416WithTheSize() {
        Response response = serve(Map.of("range", "bytes=1000-"));
        assertThat(response.status()).isEqualTo(416);
        assertThat(response.headers()).containsEntry("Content-Range", "bytes */1000");
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("range_not_satisfiable").contains("1000 bytes");
    }

    @Test
    void ifRangeHonoursTheRangeOnlyForTheSameContent() {
        assertThat(serve(Map.of("range", "bytes=0-9", "if-range", ETAG)).status()).isEqualTo(206);
        assertThat(serve(Map.of("range", "bytes=0-9", "if-range", "\"changed\"")).status()).isEqualTo(200);
        assertThat(serve(Map.of("range", "bytes=0-9", "if-range", "Sat, 01 Nov 2026 00:00:00 GMT")).status())
                .isEqualTo(200);
    }

    private Response serve(Map<String, String> headers) {
        Request request = new Request("GET", "/audio/abc", Map.of(), new HashMap<>(headers), null, Map.of());
        return files.serve(request, FILE, 1000, "audio/wav", ETAG);
    }
}
