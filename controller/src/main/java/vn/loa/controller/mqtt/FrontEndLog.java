package vn.loa.controller.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the broker's front end reports a client's failed connection: a client without TLS on the TLS
 * listener, one that does not trust the certificate, or an oversized or malformed packet is the
 * client's mistake, one warning line at most once a minute; a connection reset is not news.
 */
final class FrontEndLog {
    private static final Logger LOG = LoggerFactory.getLogger(FrontEndLog.class);

    private final RateLimitedLog rate = new RateLimitedLog(Clock.systemUTC(), Duration.ofMinutes(1));

    void clientFailed(Channel client, Throwable failure) {
        SSLException refusal = causeOf(failure, SSLException.class);
        if (refusal != null) {
            if (rate.allow("tls")) {
                LOG.warn("Refused an MQTT connection on the TLS listener: {} (a client without TLS, or one that does "
                        + "not trust the certificate; more like it are not logged for a minute)", describe(refusal));
            }
            return;
        }
        Throwable packet = causeOf(failure, TooLongFrameException.class);
        packet = packet != null ? packet : causeOf(failure, CorruptedFrameException.class);
        if (packet != null) {
            if (rate.allow("packet")) {
                LOG.warn("Closed the MQTT connection from {}: {} (more like it are not logged for a minute)",
                        client.remoteAddress(), packet.getMessage());
            }
            return;
        }
        LOG.debug("The MQTT connection from {} failed: {}", client.remoteAddress(), failure.toString());
    }

    /** The reason without the bytes Netty appends to "not an SSL/TLS record". */
    private static String describe(SSLException refusal) {
        String message = String.valueOf(refusal.getMessage());
        int bytes = message.indexOf(": ");
        return message.startsWith("not an SSL/TLS record") && bytes > 0 ? message.substring(0, bytes) : message;
    }

    private static <T extends Throwable> T causeOf(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
