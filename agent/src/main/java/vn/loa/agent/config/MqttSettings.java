package vn.loa.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import vn.loa.protocol.Topics;

/**
 * How the agent reaches the broker. Field names in error messages are the YAML paths
 * ({@code mqtt.uri}), so the loader can show them as they are. {@code caFile}: for an
 * {@code ssl://} or {@code wss://} broker, the CA (PEM) its certificate must chain to, instead of
 * the JVM's trusted CAs; null for those.
 */
public record MqttSettings(
        String uri,
        String username,
        String password,
        int keepAliveSeconds,
        String topicRoot,
        int reconnectMinMillis,
        int reconnectMaxSeconds,
        Path caFile) {

    public static final int DEFAULT_KEEP_ALIVE_SECONDS = 30;
    public static final int DEFAULT_RECONNECT_MIN_MILLIS = 500;
    public static final int DEFAULT_RECONNECT_MAX_SECONDS = 60;
    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    /** No CA file. */
    public MqttSettings(String uri, String username, String password, int keepAliveSeconds, String topicRoot,
                        int reconnectMinMillis, int reconnectMaxSeconds) {
        this(uri, username, password, keepAliveSeconds, topicRoot, reconnectMinMillis, reconnectMaxSeconds, null);
    }

    public MqttSettings {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("field 'mqtt.uri' is required");
        }
        checkUri(uri);
        if (caFile != null && !uri.startsWith("ssl://") && !uri.startsWith("wss://")) {
            throw new IllegalArgumentException("field 'mqtt.caFile' is set but 'mqtt.uri' is not ssl:// or wss:// ('"
                    + uri + "')");
        }
        if (username != null && username.isBlank()) {
            throw new IllegalArgumentException("field 'mqtt.username' must not be blank");
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("field 'mqtt.password' is set but 'mqtt.username' is not");
        }
        Ranges.check("mqtt.keepAliveSeconds", keepAliveSeconds, 2, 600);
        Objects.requireNonNull(topicRoot, "topicRoot");
        try {
            new Topics(topicRoot);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'mqtt.topicRoot': " + e.getMessage(), e);
        }
        Ranges.check("mqtt.reconnectMinMillis", reconnectMinMillis, 10, 60_000);
        Ranges.check("mqtt.reconnectMaxSeconds", reconnectMaxSeconds, 1, 3600);
        if (reconnectMinMillis > reconnectMaxSeconds * 1000L) {
            throw new IllegalArgumentException("field 'mqtt.reconnectMinMillis' (" + reconnectMinMillis
                    + " ms) must not exceed 'mqtt.reconnectMaxSeconds' (" + reconnectMaxSeconds + " s)");
        }
    }

    /** Defaults for everything but the broker address. */
    public static MqttSettings of(String uri) {
        return new MqttSettings(uri, null, null, DEFAULT_KEEP_ALIVE_SECONDS, Topics.DEFAULT_ROOT,
                DEFAULT_RECONNECT_MIN_MILLIS, DEFAULT_RECONNECT_MAX_SECONDS);
    }

    public Topics topics() {
        return new Topics(topicRoot);
    }

    public Duration reconnectMin() {
        return Duration.ofMillis(reconnectMinMillis);
    }

    public Duration reconnectMax() {
        return Duration.ofSeconds(reconnectMaxSeconds);
    }

    public MqttSettings withKeepAliveSeconds(int seconds) {
        return new MqttSettings(uri, username, password, seconds, topicRoot, reconnectMinMillis, reconnectMaxSeconds,
                caFile);
    }

    public MqttSettings withCredentials(String user, String secret) {
        return new MqttSettings(uri, user, secret, keepAliveSeconds, topicRoot, reconnectMinMillis, reconnectMaxSeconds,
                caFile);
    }

    public MqttSettings withTopicRoot(String root) {
        return new MqttSettings(uri, username, password, keepAliveSeconds, root, reconnectMinMillis, reconnectMaxSeconds,
                caFile);
    }

    public MqttSettings withReconnect(int minMillis, int maxSeconds) {
        return new MqttSettings(uri, username, password, keepAliveSeconds, topicRoot, minMillis, maxSeconds,
                caFile);
    }

    /** Trusts the CA of this PEM file instead of the JVM's (an ssl:// or wss:// URI only). */
    public MqttSettings withCaFile(Path file) {
        return new MqttSettings(uri, username, password, keepAliveSeconds, topicRoot, reconnectMinMillis,
                reconnectMaxSeconds, file);
    }

    /** Never shows the password, so the settings can be logged. */
    @Override
    public String toString() {
        return "MqttSettings[uri=" + uri + ", username=" + username + ", password=" + (password == null ? null : "***")
                + ", keepAliveSeconds=" + keepAliveSeconds + ", topicRoot=" + topicRoot
                + ", reconnectMinMillis=" + reconnectMinMillis + ", reconnectMaxSeconds=" + reconnectMaxSeconds
                + ", caFile=" + caFile + "]";
    }

    private static void checkUri(String uri) {
        String problem;
        try {
            URI parsed = new URI(uri);
            if (parsed.getScheme() == null || !SCHEMES.contains(parsed.getScheme())) {
                problem = "must start with tcp://, ssl://, ws:// or wss://";
            } else if (parsed.getHost() == null) {
                problem = "has no host";
            } else {
                return;
            }
        } catch (URISyntaxException e) {
            problem = "is not a valid URI (" + e.getReason() + ")";
        }
        throw new IllegalArgumentException("field 'mqtt.uri' " + problem
                + ", e.g. tcp://127.0.0.1:1883, got '" + uri + "'");
    }
}
