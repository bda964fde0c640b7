package vn.loa.controller.mqtt;

import io.netty.handler.ssl.SslContext;
import java.util.Objects;

/**
 * The embedded broker's TLS listener: the server context, its port (0: any free one), and whether
 * the plain listener runs too ({@code plain}: false for TLS only).
 */
public record BrokerTls(SslContext context, int port, boolean plain) {
    public BrokerTls {
        Objects.requireNonNull(context, "context");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("TLS port must be 0..65535, got " + port);
        }
    }
}
