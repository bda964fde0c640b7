package vn.loa.controller.testutil;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body whose file part is streamed from disk (so a test can send files far
 * larger than it would like to hold), with a known Content-Length.
 */
public final class Multipart {
    private final String boundary = "loa-test-" + UUID.randomUUID();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String filePart;
    private Path file;
    private String fileName;

    public Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public Multipart file(String part, Path path) {
        this.filePart = part;
        this.file = path;
        this.fileName = path.getFileName().toString();
        return this;
    }

    /** The usual bulletin parts: title, class, language, and the file. */
    public static Multipart bulletin(Path audio, String title, String bulletinClass, String language) {
        return new Multipart().field("title", title).field("class", bulletinClass).field("language", language)
                .file("file", audio);
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        if (file != null) {
            write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            parts.add(HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()));
            try {
                parts.add(HttpRequest.BodyPublishers.ofFile(file));
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        } else {
            write(head, "--" + boundary + "--\r\n");
            parts.add(HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()));
        }
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** Sends this body to {@code POST path} with the client's token. */
    public ApiClient.Answer post(ApiClient api, String path) {
        return api.send(api.builder(path).header("Content-Type", contentType()).POST(publisher()));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
