package vn.loa.agent.audio;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** The station's own username and password (issued by the controller), for fetching audio. */
public record StationLogin(String username, String password) {
    public StationLogin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** The value of an HTTP {@code Authorization: Basic} header. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "StationLogin[username=" + username + ", password=***]";
    }
}
