package vn.loa.controller.mqtt;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the controller reaches its broker. {@code tls}: for an {@code ssl://} URI, the context whose
 * trusted certificates the broker's must chain to (null: the JVM's); the certificate must also
 * name the URI's host.
 */
public record BrokerSettings(String uri, String clientId, String username, String password, int keepAliveSeconds,
                             SSLContext tls) {
    public BrokerSettings {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(clientId, "clientId");
    }

    /** Plain MQTT, or TLS trusting the JVM's CAs. */
    public BrokerSettings(String uri, String clientId, String username, String password, int keepAliveSeconds) {
        this(uri, clientId, username, password, keepAliveSeconds, null);
    }
}
