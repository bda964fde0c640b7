package vn.loa.agent;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.ConfigException;
import vn.loa.agent.config.TrustedCa;

/**
 * The trust a station's links to its controller start from: the configured CA files
 * ({@code controller.caFile} for HTTPS, {@code mqtt.caFile} for {@code ssl://}), else the JVM's.
 */
final class TrustedLinks {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private TrustedLinks() {
    }

    /** An HTTP client builder for the controller (audio, enrolment), trusting its CA file when set. */
    static HttpClient.Builder controllerHttp(AgentConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (config.controller().caFile() != null) {
            builder.sslContext(trusting(config, "controller.caFile", config.controller().caFile()));
        }
        return builder;
    }

    /** The socket factory for an {@code ssl://} broker trusting {@code mqtt.caFile}; null when none is set. */
    static SSLSocketFactory broker(AgentConfig config) {
        return config.mqtt().caFile() == null ? null
                : trusting(config, "mqtt.caFile", config.mqtt().caFile()).getSocketFactory();
    }

    /** The CA file's context; a {@link ConfigException} naming the station when it cannot be used. */
    private static SSLContext trusting(AgentConfig config, String field, Path caFile) {
        try {
            return TrustedCa.sslContext(field, caFile);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("station " + config.station() + ": " + e.getMessage(), e);
        }
    }
}
