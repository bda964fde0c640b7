package vn.loa.controller.bench;

import java.util.Objects;

/**
 * How one fleet client connects: MQTT 3.1.1, its client id, session, keepalive, an optional last
 * will and optional credentials.
 *
 * @param maxMessageBytes largest packet the client accepts from the broker (a plan may be 1 MiB)
 */
public record FleetClientOptions(String clientId, boolean cleanSession, int keepAliveSeconds, FleetWill will,
                                 String username, String password, int maxMessageBytes) {
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    public FleetClientOptions {
        Objects.requireNonNull(clientId, "clientId");
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("keepAliveSeconds must be 0-65535: " + keepAliveSeconds);
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("MQTT 3.1.1 allows a password only with a username");
        }
    }

    /** A clean session, 30 s keepalive, no will, no credentials. */
    public static FleetClientOptions of(String clientId) {
        return new FleetClientOptions(clientId, true, 30, null, null, null, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public FleetClientOptions withCleanSession(boolean clean) {
        return new FleetClientOptions(clientId, clean, keepAliveSeconds, will, username, password, maxMessageBytes);
    }

    public FleetClientOptions withKeepAlive(int seconds) {
        return new FleetClientOptions(clientId, cleanSession, seconds, will, username, password, maxMessageBytes);
    }

    public FleetClientOptions withWill(FleetWill lastWill) {
        return new FleetClientOptions(clientId, cleanSession, keepAliveSeconds, lastWill, username, password,
                maxMessageBytes);
    }

    public FleetClientOptions withCredentials(String user, String secret) {
        return new FleetClientOptions(clientId, cleanSession, keepAliveSeconds, will, user, secret, maxMessageBytes);
    }
}
