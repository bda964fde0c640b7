package vn.loa.agent.config;

import java.util.Objects;

/**
 * The agent's Prometheus endpoint ({@code GET /metrics}): off when {@code port} is null (the default);
 * 0 picks a free port (tests). {@code host}: the interface it listens on, loopback by default, so only
 * the station computer itself (or an SSH tunnel, or a local Prometheus agent) can read it.
 */
public record MetricsSettings(Integer port, String host) {
    public static final String DEFAULT_HOST = "127.0.0.1";

    public MetricsSettings {
        if (port != null && (port < 0 || port > 65_535)) {
            throw new IllegalArgumentException("field 'metrics.port' must be 0..65535 or null (off), got " + port);
        }
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("field 'metrics.host' must not be empty");
        }
    }

    public static MetricsSettings off() {
        return new MetricsSettings(null, DEFAULT_HOST);
    }

    public boolean enabled() {
        return port != null;
    }
}
