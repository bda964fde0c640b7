package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.GeneratedAudio;
import vn.loa.controller.testutil.Multipart;
import vn.loa.controller.testutil.RawHttp;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestControllers;

/** Stations and the console fetch bulletin audio: whole, by range, conditionally, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudioServingIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Controller controller;
    private ApiClient admin;
    private byte[] content;
    private String sha256;
    private String bulletinId;
    private String base;
    /** The requests to /audio come from a station, with its own credentials. */
    private String station;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        controller = TestControllers.embedded(dir.resolve("data"));
        admin = TestControllers.admin(controller);
        base = "http://127.0.0.1:" + controller.httpPort();
        Path wav = GeneratedAudio.wav(Files.createDirectories(dir.resolve("files")).resolve("tin.wav"), 8000f, 1, 2);
        content = Files.readAllBytes(wav);
        JsonNode bulletin = Multipart.bulletin(wav, "Tin", "normal", "vi").post(admin, "/api/v1/bulletins").json();
        sha256 = bulletin.path("sha256").asText();
        bulletinId = bulletin.path("id").asText();
        DemoRegistry.communeWithStations(admin, "st-audio");
        MqttCredentials login = StationLogins.issue(admin, "st-audio");
        station = "Basic " + Base64.getEncoder().encodeToString((login.username() + ":" + login.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    void stop() {
        controller.close();
    }

    @Test
    void wholeFileWithItsTagTypeAndLength() {
        HttpResponse<byte[]> response = get("/audio/" + sha256, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);
        assertThat(response.headers().firstValue("etag")).contains("\"" + sha256 + "\"");
        assertThat(response.headers().firstValue("accept-ranges")).contains("bytes");
        assertThat(response.headers().firstValue("content-type")).contains("audio/wav");
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(content.length);
    }

    @Test
    void rangesGiveExactlyThoseBytes() {
        HttpResponse<byte[]> middle = get("/audio/" + sha256, "bytes=100-1123", null);
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 100, 1124));
        assertThat(middle.headers().firstValue("content-range")).contains("bytes 100-1123/" + content.length);
        HttpResponse<byte[]> rest = get("/audio/" + sha256, "bytes=30000-", null);
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(content, 30000, content.length));
        HttpResponse<byte[]> tail = get("/audio/" + sha256, "bytes=-44", null);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(content, content.length - 44, content.length));
    }

    @Test
    void rangeForAnotherVersionSendsTheWholeFile() {
        HttpRequest request = request("/audio/" + sha256).header("Authorization", station).header("Range", "bytes=0-9")
                .header("If-Range", "\"0000\"").build();
        HttpResponse<byte[]> response = send(request);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);
        HttpRequest same = request("/audio/" + sha256).header("Authorization", station).header("Range", "bytes=0-9")
                .header("If-Range", "\"" + sha256 + "\"").build();
        assertThat(send(same).statusCode()).isEqualTo(206);
    }

    @Test
    void knownTagIsNotModified() {
        HttpResponse<byte[]> response = get("/audio/" + sha256, null, "\"" + sha256 + "\"");
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("etag")).contains("\"" + sha256 + "\"");
    }

    @Test
    void rangePastTheEndIs416WithTheSize() {
        HttpResponse<byte[]> response = get("/audio/" + sha256, "bytes=" + content.length + "-", null);
        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("content-range")).contains("bytes */" + content.length);
        assertThat(new String(response.body())).contains("range_not_satisfiable");
    }

    @Test
    void headGivesTheHeadersWithoutTheBodyAndKeepsTheConnection() {
        try (RawHttp raw = new RawHttp(controller.httpPort())) {
            RawHttp.Head head = raw.send("HEAD /audio/" + sha256 + " HTTP/1.1\r\nHost: loa\r\nAuthorization: " + station
                    + "\r\n\r\n").readHeadAnswer();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo(Integer.toString(content.length));
            assertThat(head.header("etag")).isEqualTo("\"" + sha256 + "\"");
            RawHttp.Head next = raw.send("GET /audio/" + sha256 + " HTTP/1.1\r\nHost: loa\r\nRange: bytes=0-3\r\n"
                    + "Authorization: " + station + "\r\n\r\n")
                    .read();
            assertThat(next.status()).as("no stray body came before this answer").isEqualTo(206);
            assertThat(next.body()).isEqualTo("RIFF");
        }
    }

    @Test
    void bulletinAudioNeedsAToken() {
        HttpResponse<byte[]> anonymous = send(request("/api/v1/bulletins/" + bulletinId + "/audio").build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<byte[]> console = send(request("/api/v1/bulletins/" + bulletinId + "/audio")
                .header("Authorization", "Bearer " + admin.token()).header("Range", "bytes=0-3").build());
        assertThat(console.statusCode()).isEqualTo(206);
        assertThat(console.body()).isEqualTo(Arrays.copyOf(content, 4));
        assertThat(console.headers().firstValue("content-disposition")).hasValueSatisfying(value -> assertThat(value)
                .contains(bulletinId + ".wav"));
    }

    @Test
    void stationAudioNeedsTheStationsCredentialsOrAToken() {
        assertThat(send(request("/audio/" + sha256).build()).statusCode()).isEqualTo(401);
        String wrongPassword = "Basic " + Base64.getEncoder().encodeToString("st-audio:guessed"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(send(request("/audio/" + sha256).header("Authorization", wrongPassword).build()).statusCode())
                .isEqualTo(401);
        String unknownStation = "Basic " + Base64.getEncoder().encodeToString("st-nobody:guessed"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(send(request("/audio/" + sha256).header("Authorization", unknownStation).build()).statusCode())
                .isEqualTo(401);
        assertThat(send(request("/audio/" + sha256).header("Authorization", "Basic !!!").build()).statusCode())
                .isEqualTo(401);
        assertThat(send(request("/audio/" + sha256).header("Authorization", "Bearer not-a-token").build())
                .statusCode()).isEqualTo(401);

        assertThat(send(request("/audio/" + sha256).header("Authorization", station).build()).statusCode())
                .isEqualTo(200);
        assertThat(send(request("/audio/" + sha256).header("Authorization", "Bearer " + admin.token()).build())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void unknownOrMalformedContentIs404() {
        assertThat(get("/audio/" + "0".repeat(64), null, null).statusCode()).isEqualTo(404);
        assertThat(get("/audio/not-a-checksum", null, null).statusCode()).isEqualTo(404);
        assertThat(get("/audio/" + sha256.toUpperCase(java.util.Locale.ROOT), null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void audioRequestsAreCountedByRoute() {
        get("/audio/" + sha256, null, null);
        String metrics = new ApiClient(controller.httpPort()).get("/metrics").text();
        assertThat(metrics).contains("route=\"/audio/{sha256}\"");
    }

    private HttpResponse<byte[]> get(String path, String range, String ifNoneMatch) {
        HttpRequest.Builder builder = request(path).header("Authorization", station);
        if (range != null) {
            builder.header("Range", range);
        }
        if (ifNoneMatch != null) {
            builder.header("If-None-Match", ifNoneMatch);
        }
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(java.net.URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
