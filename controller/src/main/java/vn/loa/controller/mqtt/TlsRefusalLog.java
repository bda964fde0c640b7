package vn.loa.controller.mqtt;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Moquette logs a client that does not speak TLS to its TLS listener, or does not trust its
 * certificate, as an error with a stack trace. Those are the client's mistakes: this Logback
 * filter (logback.xml) turns them into one warning line, at most once a minute.
 */
public final class TlsRefusalLog extends TurboFilter {
    private static final String MOQUETTE_HANDLER = "io.moquette.broker.NewNettyMQTTHandler";
    private static final Logger LOG = LoggerFactory.getLogger(TlsRefusalLog.class);

    private final RateLimitedLog rate = new RateLimitedLog(Clock.systemUTC(), Duration.ofMinutes(1));

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                              Object[] params, Throwable t) {
        if (!MOQUETTE_HANDLER.equals(logger.getName()) || level != Level.ERROR) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                : null;
        SSLException refusal = tlsCause(thrown);
        if (refusal == null) {
            return FilterReply.NEUTRAL;
        }
        if (rate.allow("tls")) {
            LOG.warn("Refused an MQTT connection on the TLS listener: {} (a client without TLS, or one that does "
                    + "not trust the certificate; more like it are not logged for a minute)", describe(refusal));
        }
        return FilterReply.DENY;
    }

    /** The reason without the bytes Netty appends to "not an SSL/TLS record". */
    private static String describe(SSLException refusal) {
        String message = String.valueOf(refusal.getMessage());
        int bytes = message.indexOf(": ");
        return message.startsWith("not an SSL/TLS record") && bytes > 0 ? message.substring(0, bytes) : message;
    }

    private static SSLException tlsCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }
}
