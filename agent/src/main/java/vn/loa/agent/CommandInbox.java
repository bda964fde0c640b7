package vn.loa.agent;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.DecodeError;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;

/**
 * Receives what arrives on the station's commands topic. No command has a handler yet (they come
 * with later issues): each is decoded, logged at debug level and dropped. Unreadable payloads are
 * logged at most once a minute. Never throws.
 *
 * <p>Thread: the agent's thread only.
 */
final class CommandInbox {
    private static final Logger log = LoggerFactory.getLogger(CommandInbox.class);

    private final String station;
    private final MessageCodec codec;
    private final LogThrottle badPayloadLog;

    CommandInbox(String station, MessageCodec codec, LogThrottle badPayloadLog) {
        this.station = Objects.requireNonNull(station, "station");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.badPayloadLog = Objects.requireNonNull(badPayloadLog, "badPayloadLog");
    }

    void accept(byte[] payload) {
        Decoded<Message> decoded = codec.decode(payload);
        if (decoded instanceof Decoded.Ok<Message> ok) {
            log.debug("station {}: no handler for command {} {}", station, ok.message().type(), ok.message().id());
        } else if (decoded instanceof Decoded.Failure<Message> failure) {
            DecodeError error = failure.error();
            if (error.reason() == DecodeError.Reason.UNKNOWN_TYPE) {
                log.debug("station {}: no handler for command: {}", station, error.detail());
            } else if (badPayloadLog.allow()) {
                log.warn("station {} dropped a command it cannot read: {} ({} more dropped since the last notice)",
                        station, error, badPayloadLog.takeSuppressed());
            }
        }
    }
}
