package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.bulletin.AudioLibrary;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.GeneratedAudio;
import vn.loa.controller.testutil.Multipart;

/**
 * An upload larger than the controller's whole heap: the controller jar runs in its own JVM with
 * 64 MiB of heap (and 16 MiB of direct memory) and takes a 100 MB WAV, which it can only do by
 * streaming it to disk; afterwards it still answers.
 */
class LargeUploadIT {
    private static final Path CONTROLLER_JAR = Path.of("target/loa-controller.jar");
    private static final String PASSWORD = "large-upload-password";
    private static final Pattern READY = Pattern.compile("API on port (\\d+)");

    @TempDir
    Path dir;

    @Test
    void uploadLargerThanTheHeapIsStreamedToDisk() throws Exception {
        assertThat(CONTROLLER_JAR).as("the controller jar is built before the integration tests").exists();
        Path wav = GeneratedAudio.wav(dir.resolve("program.wav"), 44_100f, 2, 570);
        assertThat(Files.size(wav)).isGreaterThan(100_000_000L);
        Path config = Files.writeString(dir.resolve("controller.yml"), "dataDir: " + dir.resolve("data") + "\n"
                + "http: { host: 127.0.0.1, port: 0 }\nmqtt: { embeddedHost: 127.0.0.1, embeddedPort: 0 }\n");
        Path log = dir.resolve("controller.log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx64m", "-XX:MaxDirectMemorySize=16m",
                "-XX:+ExitOnOutOfMemoryError", "-jar", CONTROLLER_JAR.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LOA_ADMIN_PASSWORD", PASSWORD);
        Process controller = builder.start();
        try {
            int port = await("controller ready").atMost(Duration.ofSeconds(60)).until(() -> {
                assertThat(controller.isAlive()).as(Files.readString(log)).isTrue();
                return readyPort(log);
            }, Optional::isPresent).orElseThrow();
            ApiClient admin = new ApiClient(port).login("admin", PASSWORD);

            ApiClient.Answer answer = Multipart.bulletin(wav, "Chương trình phát thanh", "normal", "vi").post(admin,
                    "/api/v1/bulletins");

            assertThat(answer.status()).as(answer.text() + "\n" + Files.readString(log)).isEqualTo(201);
            assertThat(answer.json().path("durationMillis").asLong()).isEqualTo(570_000);
            assertThat(answer.json().path("sha256").asText()).isEqualTo(AudioLibrary.sha256(wav));
            assertThat(admin.get("/api/v1/bulletins").status()).isEqualTo(200);
            assertThat(controller.isAlive()).isTrue();
            try (Stream<Path> left = Files.list(dir.resolve("data/tmp/uploads"))) {
                assertThat(left).isEmpty();
            }
        } finally {
            controller.destroy();
            if (!controller.waitFor(20, TimeUnit.SECONDS)) {
                controller.destroyForcibly();
            }
        }
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
    }

    private static Optional<Integer> readyPort(Path log) throws IOException {
        Matcher matcher = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
