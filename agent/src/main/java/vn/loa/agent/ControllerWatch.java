package vn.loa.agent;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.ControllerStatus;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Presence;

/**
 * Watches the controller's retained presence. The controller announces {@code online} with a
 * new message id after each connect, once it has subscribed; when one arrives that we have not
 * seen, the station sends its birth and its unacknowledged receipts again at once, so a controller
 * that started after us, restarted or reconnected after the broker did still learns about the
 * station and gets its proof of play without waiting for the next re-send. Bad payloads are
 * dropped with a log line at most once a minute.
 *
 * <p>Thread: the agent's thread only.
 */
final class ControllerWatch {
    private static final Logger log = LoggerFactory.getLogger(ControllerWatch.class);

    private final String station;
    private final MessageCodec codec;
    private final Runnable controllerOnline;
    private final LogThrottle badPayloadLog;
    private String lastOnlineId;

    ControllerWatch(String station, MessageCodec codec, Runnable controllerOnline, LogThrottle badPayloadLog) {
        this.station = Objects.requireNonNull(station, "station");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.controllerOnline = Objects.requireNonNull(controllerOnline, "controllerOnline");
        this.badPayloadLog = Objects.requireNonNull(badPayloadLog, "badPayloadLog");
    }

    void accept(byte[] payload) {
        if (payload == null || payload.length == 0) {
            log.debug("station {}: the controller's retained status was cleared", station);
            return;
        }
        Decoded<ControllerStatus> decoded = codec.decodeControllerStatus(payload);
        if (decoded instanceof Decoded.Failure<ControllerStatus> failure) {
            if (badPayloadLog.allow()) {
                log.warn("station {} dropped a controller status it cannot read: {} ({} more dropped since the last notice)",
                        station, failure.error(), badPayloadLog.takeSuppressed());
            }
            return;
        }
        ControllerStatus status = ((Decoded.Ok<ControllerStatus>) decoded).message();
        if (status.state() != Presence.ONLINE) {
            log.info("station {} sees the controller offline", station);
            return;
        }
        if (status.id().equals(lastOnlineId)) {
            return;
        }
        lastOnlineId = status.id();
        log.info("station {} sees the controller online ({}); sending its birth and unacknowledged receipts",
                station, status.id());
        controllerOnline.run();
    }
}
