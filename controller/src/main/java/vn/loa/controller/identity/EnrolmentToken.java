package vn.loa.controller.identity;

import java.time.Instant;
import java.util.Objects;

/** A one-time token a station's agent exchanges for its MQTT credentials. */
public record EnrolmentToken(String station, String token, Instant expiresAt) {
    public EnrolmentToken {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
