package vn.loa.controller.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Uploads bulletins through the API as the console does: multipart/form-data. */
public final class BulletinUploads {
    private BulletinUploads() {
    }

    public static ApiClient.Answer upload(ApiClient api, byte[] file, String fileName, Map<String, String> fields) {
        String boundary = "loa-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return api.send(api.builder("/api/v1/bulletins")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Uploads a generated WAV of the given length, approves it, and returns its id. */
    public static String approvedWav(ApiClient api, String title, String bulletinClass, double seconds) {
        ApiClient.Answer uploaded = upload(api, TestAudio.wav(seconds), "tin.wav",
                Map.of("title", title, "class", bulletinClass, "language", "vi"));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String id = uploaded.json().path("id").asText();
        ApiClient.Answer approved = api.post("/api/v1/bulletins/" + id + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
