package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.bulletin.AudioLibrary;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.GeneratedAudio;
import vn.loa.controller.testutil.Multipart;
import vn.loa.controller.testutil.RawHttp;
import vn.loa.controller.testutil.TestControllers;

/** Uploads over real HTTP, streamed to disk, checked by decoding, refused with clear errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulletinUploadIT {
    /** Small, so that going over it is cheap. */
    private static final long LIMIT = 2 * 1024 * 1024;

    private Path data;
    private Path files;
    private Controller controller;
    private ApiClient admin;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        data = dir.resolve("data");
        files = Files.createDirectories(dir.resolve("files"));
        ControllerConfig config = ControllerConfig.ephemeral(data).withBulletins(new ControllerConfig.Bulletins(LIMIT));
        controller = Controller.start(config, Clock.systemUTC(), TestControllers.ADMIN_PASSWORD);
        admin = TestControllers.admin(controller);
    }

    @AfterAll
    void stop() {
        controller.close();
    }

    @Test
    void wavUploadIsADraftWithItsDurationAndChecksum() {
        Path wav = GeneratedAudio.wav(files.resolve("weather.wav"), 16_000f, 1, 4.0);
        ApiClient.Answer answer = Multipart.bulletin(wav, "Bản tin thời tiết", "normal", "vi")
                .post(admin, "/api/v1/bulletins");
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        JsonNode bulletin = answer.json();
        String id = bulletin.path("id").asText();
        assertThat(answer.raw().headers().firstValue("location")).contains("/api/v1/bulletins/" + id);
        assertThat(bulletin.path("title").asText()).isEqualTo("Bản tin thời tiết");
        assertThat(bulletin.path("class").asText()).isEqualTo("normal");
        assertThat(bulletin.path("language").asText()).isEqualTo("vi");
        assertThat(bulletin.path("format").asText()).isEqualTo("wav");
        assertThat(bulletin.path("state").asText()).isEqualTo("draft");
        assertThat(bulletin.path("durationMillis").asLong()).isEqualTo(4000);
        assertThat(bulletin.path("sha256").asText()).isEqualTo(AudioLibrary.sha256(wav));
        assertThat(bulletin.path("sizeBytes").asLong()).isEqualTo(size(wav));
        assertThat(bulletin.path("createdBy").asText()).isEqualTo("admin");
        assertThat(bulletin.path("audioPath").asText()).isEqualTo("/audio/" + AudioLibrary.sha256(wav));
        assertThat(admin.get("/api/v1/bulletins/" + id).json()).isEqualTo(bulletin);
        assertNoUploadsLeft();
    }

    @Test
    void mp3AndOggUploadsAreDecodedAndMeasured() {
        Path wav = GeneratedAudio.wav(files.resolve("tone.wav"), 44_100f, 2, 3.0);
        Path mp3 = GeneratedAudio.mp3(wav, files.resolve("tone.mp3"));
        Path ogg = GeneratedAudio.ogg(wav, files.resolve("tone.ogg"));
        ApiClient.Answer mp3Answer = Multipart.bulletin(mp3, "Thông báo", "priority", "km").post(admin,
                "/api/v1/bulletins");
        assertThat(mp3Answer.status()).as(mp3Answer.text()).isEqualTo(201);
        assertThat(mp3Answer.json().path("format").asText()).isEqualTo("mp3");
        assertThat(mp3Answer.json().path("durationMillis").asLong()).isBetween(3000L, 3150L);
        assertThat(mp3Answer.json().path("sha256").asText()).isEqualTo(AudioLibrary.sha256(mp3));
        ApiClient.Answer oggAnswer = Multipart.bulletin(ogg, "Cảnh báo lũ", "emergency", "hmn").post(admin,
                "/api/v1/bulletins");
        assertThat(oggAnswer.status()).as(oggAnswer.text()).isEqualTo(201);
        assertThat(oggAnswer.json().path("format").asText()).isEqualTo("ogg");
        assertThat(oggAnswer.json().path("durationMillis").asLong()).isBetween(2950L, 3050L);
        assertThat(oggAnswer.json().path("class").asText()).isEqualTo("emergency");
    }

    @Test
    void sameContentTwiceIsTwoBulletinsAndOneFile() throws IOException {
        Path wav = GeneratedAudio.wav(files.resolve("twice.wav"), 8000f, 1, 1.7);
        String first = Multipart.bulletin(wav, "Một", "normal", "vi").post(admin, "/api/v1/bulletins").json()
                .path("id").asText();
        String second = Multipart.bulletin(wav, "Hai", "normal", "vi").post(admin, "/api/v1/bulletins").json()
                .path("id").asText();
        assertThat(second).isNotEqualTo(first);
        try (Stream<Path> stored = Files.list(data.resolve("audio"))) {
            assertThat(stored.filter(file -> file.getFileName().toString().startsWith(AudioLibrary.sha256(wav))))
                    .hasSize(1);
        }
    }

    @Test
    void textFileIsRefusedAsNotAudio() {
        Path text = GeneratedAudio.text(files.resolve("bulletin.wav"), "Đây không phải âm thanh");
        ApiClient.Answer answer = Multipart.bulletin(text, "Giả", "normal", "vi").post(admin, "/api/v1/bulletins");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.error()).isEqualTo("unsupported_media_type");
        assertThat(answer.message()).contains("WAV, MP3 or Ogg Vorbis");
        assertNoUploadsLeft();
    }

    @Test
    void truncatedAudioIsRefusedAsUndecodable() {
        Path wav = GeneratedAudio.wav(files.resolve("long.wav"), 8000f, 1, 3.0);
        Path cut = GeneratedAudio.truncated(wav, files.resolve("cut.wav"), 20_000);
        ApiClient.Answer answer = Multipart.bulletin(cut, "Cụt", "normal", "vi").post(admin, "/api/v1/bulletins");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.error()).isEqualTo("undecodable_audio");
        assertThat(answer.message()).contains("truncated");
        assertNoUploadsLeft();
    }

    @Test
    void missingOrInvalidPartIsA400NamingIt() {
        Path wav = GeneratedAudio.wav(files.resolve("parts.wav"), 8000f, 1, 1.0);
        ApiClient.Answer noTitle = new Multipart().field("class", "normal").field("language", "vi").file("file", wav)
                .post(admin, "/api/v1/bulletins");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.message()).contains("part 'title' is required");
        ApiClient.Answer noFile = new Multipart().field("title", "Tin").field("class", "normal")
                .field("language", "vi").post(admin, "/api/v1/bulletins");
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.message()).contains("part 'file' is required");
        ApiClient.Answer badClass = Multipart.bulletin(wav, "Tin", "urgent", "vi").post(admin, "/api/v1/bulletins");
        assertThat(badClass.status()).isEqualTo(400);
        assertThat(badClass.message()).contains("part 'class'");
        ApiClient.Answer badLanguage = Multipart.bulletin(wav, "Tin", "normal", "Vietnamese").post(admin,
                "/api/v1/bulletins");
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.message()).contains("part 'language'");
        assertNoUploadsLeft();
    }

    @Test
    void jsonInsteadOfMultipartIsA415() {
        ApiClient.Answer answer = admin.post("/api/v1/bulletins", "{\"title\": \"Tin\"}");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.message()).contains("multipart/form-data");
    }

    @Test
    void uploadWithoutTokenIsRefusedBeforeItsBody() {
        try (RawHttp http = new RawHttp(controller.httpPort())) {
            http.send(uploadHead(null, 1_000_000, true));
            RawHttp.Head answer = http.read();
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).contains("unauthorized");
            assertThat(http.closedByServer()).as("the body announced but never sent is not waited for").isTrue();
        }
        Path wav = GeneratedAudio.wav(files.resolve("anonymous.wav"), 8000f, 1, 1.0);
        ApiClient anonymous = new ApiClient(controller.httpPort());
        ApiClient.Answer withoutExpect = Multipart.bulletin(wav, "Tin", "normal", "vi").post(anonymous,
                "/api/v1/bulletins");
        assertThat(withoutExpect.status()).isEqualTo(401);
        assertNoUploadsLeft();
    }

    @Test
    void uploadAnnouncedOverTheLimitIsA413BeforeItsBody() {
        try (RawHttp http = new RawHttp(controller.httpPort())) {
            http.send(uploadHead(admin.token(), LIMIT + 1, true));
            RawHttp.Head answer = http.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("payload_too_large").contains(Long.toString(LIMIT));
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    @Timeout(60)
    void uploadOverTheLimitOnAConnectionToCloseIsReadUntilItEndsSoThe413ArrivesWhole() {
        long length = 32L * 1024 * 1024;
        try (RawHttp http = new RawHttp(controller.httpPort())) {
            http.send(uploadHead(admin.token(), length, false).replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"))
                    .sendFiller(length);
            RawHttp.Head answer = http.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("payload_too_large").contains(Long.toString(LIMIT));
            assertThat(http.closedByServer()).isTrue();
        }
        assertNoUploadsLeft();
    }

    @Test
    void clientAskingToContinueIsToldToGoOn() {
        Path wav = GeneratedAudio.wav(files.resolve("continue.wav"), 8000f, 1, 1.3);
        byte[] body = multipart("Tiếp tục", readAll(wav));
        try (RawHttp http = new RawHttp(controller.httpPort())) {
            http.send(uploadHead(admin.token(), body.length, true));
            assertThat(http.read().status()).isEqualTo(100);
            RawHttp.Head answer = http.send(body).read();
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).as("the body was read: its parts are checked").contains("part 'class'");
            http.send("GET /api/v1/bulletins HTTP/1.1\r\nHost: loa\r\nAuthorization: Bearer " + admin.token()
                    + "\r\n\r\n");
            assertThat(http.read().status()).as("the connection stays usable").isEqualTo(200);
        }
    }

    @Test
    void uploadOverTheLimitIsA413AndLeavesNoFile() throws IOException {
        Path big = GeneratedAudio.wav(files.resolve("big.wav"), 44_100f, 2, 15.0);
        assertThat(size(big)).isGreaterThan(LIMIT);
        ApiClient.Answer declared = Multipart.bulletin(big, "Lớn", "normal", "vi").post(admin, "/api/v1/bulletins");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.error()).isEqualTo("payload_too_large");
        assertThat(declared.message()).contains(Long.toString(LIMIT));

        byte[] whole = multipart("Lớn", readAll(big));
        ApiClient.Answer chunked = admin.send(admin.builder("/api/v1/bulletins")
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(whole))));
        assertThat(chunked.status()).as("streamed without Content-Length").isEqualTo(413);
        assertNoUploadsLeft();
        assertThat(admin.get("/api/v1/bulletins?language=vi").status()).as("still answering").isEqualTo(200);
    }

    @Test
    void approvalMovesADraftToApprovedThenArchived() {
        Path wav = GeneratedAudio.wav(files.resolve("approve.wav"), 8000f, 1, 1.1);
        String id = Multipart.bulletin(wav, "Duyệt", "priority", "en").post(admin, "/api/v1/bulletins").json()
                .path("id").asText();
        ApiClient.Answer approved = admin.post("/api/v1/bulletins/" + id + "/approve", "{}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("state").asText()).isEqualTo("approved");
        assertThat(approved.json().path("approvedBy").asText()).isEqualTo("admin");
        assertThat(approved.json().path("approvedAt").asText()).isNotEmpty();
        ApiClient.Answer again = admin.post("/api/v1/bulletins/" + id + "/approve", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("conflict");
        assertThat(again.message()).contains("already approved");
        ApiClient.Answer archived = admin.post("/api/v1/bulletins/" + id + "/archive", "{}");
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().path("state").asText()).isEqualTo("archived");
        assertThat(admin.post("/api/v1/bulletins/" + id + "/archive", "{}").status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/bulletins/" + id + "/approve", "{}").message())
                .contains("archived and cannot be approved");
        assertThat(admin.get("/api/v1/bulletins?state=archived&class=priority&language=en").json()
                .path("bulletins").findValuesAsText("id")).contains(id);
        assertThat(admin.get("/api/v1/bulletins?state=approved").json().path("bulletins").findValuesAsText("id"))
                .doesNotContain(id);
    }

    @Test
    void unknownBulletinIs404AndBadFilterIs400() {
        assertThat(admin.get("/api/v1/bulletins/bl-nothere1").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/bulletins/bl-nothere1/approve", "{}").status()).isEqualTo(404);
        ApiClient.Answer badState = admin.get("/api/v1/bulletins?state=published");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.message()).contains("'state'");
        assertThat(admin.get("/api/v1/bulletins?class=loud").message()).contains("'class'");
    }

    private void assertNoUploadsLeft() {
        await("temporary upload files removed").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Stream<Path> left = Files.list(data.resolve("tmp").resolve("uploads"))) {
                assertThat(left).isEmpty();
            }
        });
    }

    /** A multipart body with a title and a file part (no class, no language), boundary {@code xyz}. */
    private static byte[] multipart(String title, byte[] file) {
        String head = "--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = "\r\n--xyz--\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(file, 0, all, start.length, file.length);
        System.arraycopy(end, 0, all, start.length + file.length, end.length);
        return all;
    }

    private static String uploadHead(String token, long contentLength, boolean expectContinue) {
        return "POST /api/v1/bulletins HTTP/1.1\r\nHost: loa\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + contentLength + "\r\n"
                + (expectContinue ? "Expect: 100-continue\r\n" : "") + "\r\n";
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
