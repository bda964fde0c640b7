package vn.loa.controller.identity;

import java.util.Objects;

/** A username and password for the MQTT broker (and, for a station, for fetching audio). */
public record MqttCredentials(String username, String password) {
    public MqttCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Never shows the password, so the credentials can be logged by accident without harm. */
    @Override
    public String toString() {
        return "MqttCredentials[username=" + username + ", password=***]";
    }
}
