package vn.loa.agent.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.ConfigException;

/**
 * The station's MQTT credentials when its configuration has no password: those kept by an earlier
 * enrolment in the data directory, or, on the first start, new ones for the one-time
 * {@code controller.enrolmentToken} ({@code POST /api/v1/enrol} on the controller), then kept
 * there (mode 600). Runs once at start, on the caller's thread.
 */
public final class StationEnrolment {
    static final String FILE_NAME = "mqtt-credentials";
    private static final Logger log = LoggerFactory.getLogger(StationEnrolment.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StationEnrolment() {
    }

    /** The configuration with the credentials to use; unchanged when it has a password or nothing to enrol with. */
    public static AgentConfig resolve(AgentConfig config, HttpClient http, Duration timeout) {
        if (config.mqtt().password() != null) {
            return config;
        }
        Path file = config.dataDir().resolve(FILE_NAME);
        Optional<String> kept = read(file);
        if (kept.isPresent()) {
            return config.withCredentials(config.station(), kept.get());
        }
        String token = config.controller().enrolmentToken();
        if (token == null) {
            return config;
        }
        String password = exchange(config, token, http, timeout);
        write(file, password);
        log.info("station {} enrolled with its one-time token: its MQTT credentials are kept in {} (the token can "
                + "go from the configuration)", config.station(), file);
        return config.withCredentials(config.station(), password);
    }

    private static String exchange(AgentConfig config, String token, HttpClient http, Duration timeout) {
        URI uri = config.controller().resolve("/api/v1/enrol");
        try {
            String body = JSON.writeValueAsString(Map.of("station", config.station(), "token", token));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode answer = JSON.readTree(response.body());
            String password = answer.path("credentials").path("password").asText("");
            if (response.statusCode() != 200 || password.isEmpty()) {
                throw new ConfigException("station " + config.station() + ": the controller refused its enrolment "
                        + "token (HTTP " + response.statusCode() + ": " + answer.path("message").asText("no reason")
                        + "); ask for a new token and put it in 'controller.enrolmentToken'");
            }
            return password;
        } catch (IOException e) {
            throw new ConfigException("station " + config.station() + ": cannot enrol at " + uri + " (" + e
                    + "); it tries again when restarted", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("station " + config.station() + ": interrupted while enrolling", e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            String password = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
            return password.isEmpty() ? Optional.empty() : Optional.of(password);
        } catch (IOException e) {
            throw new ConfigException("cannot read the station's credentials in " + file + " (" + e + ")", e);
        }
    }

    private static void write(Path file, String password) {
        Path temporary = file.resolveSibling(FILE_NAME + ".new");
        try {
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigException("cannot keep the station's credentials in " + file + " (" + e + ")", e);
        }
    }
}
