package vn.loa.agent;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.DecodeError;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Plan;
import vn.loa.protocol.ReceiptAck;
import vn.loa.protocol.StationMessage;

/**
 * Receives what arrives on the station's commands topic and on the emergencies topic: a
 * {@link Plan}, an {@link Emergency} or an {@link EmergencyStop} goes to the playout (which acts
 * only on those that concern the station), a {@link ReceiptAck} to the outbox. A command naming another station (the broker should never
 * deliver one) is dropped with a warning. Other messages are logged at debug level and dropped;
 * unreadable payloads are logged at most once a minute. Never throws.
 *
 * <p>Thread: the agent's thread only.
 */
final class CommandInbox {
    private static final Logger log = LoggerFactory.getLogger(CommandInbox.class);

    private final String station;
    private final MessageCodec codec;
    private final LogThrottle badPayloadLog;
    private final Consumer<Plan> plans;
    private final Consumer<ReceiptAck> receiptAcks;
    private final Consumer<Emergency> emergencies;
    private final Consumer<EmergencyStop> stops;

    CommandInbox(String station, MessageCodec codec, LogThrottle badPayloadLog, Consumer<Plan> plans,
                 Consumer<ReceiptAck> receiptAcks, Consumer<Emergency> emergencies, Consumer<EmergencyStop> stops) {
        this.station = Objects.requireNonNull(station, "station");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.badPayloadLog = Objects.requireNonNull(badPayloadLog, "badPayloadLog");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.receiptAcks = Objects.requireNonNull(receiptAcks, "receiptAcks");
        this.emergencies = Objects.requireNonNull(emergencies, "emergencies");
        this.stops = Objects.requireNonNull(stops, "stops");
    }

    void accept(byte[] payload) {
        Decoded<Message> decoded = codec.decode(payload);
        if (decoded instanceof Decoded.Ok<Message> ok) {
            handle(ok.message());
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

    private void handle(Message message) {
        if (message instanceof StationMessage addressed && !station.equals(addressed.station())) {
            log.warn("station {} dropped a {} addressed to station {}", station, message.type(), addressed.station());
            return;
        }
        if (message instanceof Plan plan) {
            plans.accept(plan);
        } else if (message instanceof ReceiptAck ack) {
            receiptAcks.accept(ack);
        } else if (message instanceof Emergency emergency) {
            emergencies.accept(emergency);
        } else if (message instanceof EmergencyStop stop) {
            stops.accept(stop);
        } else {
            log.debug("station {}: no handler for command {} {}", station, message.type(), message.id());
        }
    }
}
