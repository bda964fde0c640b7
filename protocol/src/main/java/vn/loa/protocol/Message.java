package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Every message of the protocol. On the wire each is one JSON object carrying {@code v} (the
 * protocol version, added by {@link MessageCodec}), {@code type}, {@code id} (unique, used to make
 * handlers idempotent) and {@code ts} (the sender's clock, UTC).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Birth.class, name = Birth.TYPE),
    @JsonSubTypes.Type(value = Heartbeat.class, name = Heartbeat.TYPE),
    @JsonSubTypes.Type(value = StationStatus.class, name = StationStatus.TYPE),
    @JsonSubTypes.Type(value = StationEvent.class, name = StationEvent.TYPE),
    @JsonSubTypes.Type(value = ControllerStatus.class, name = ControllerStatus.TYPE),
    @JsonSubTypes.Type(value = Plan.class, name = Plan.TYPE),
    @JsonSubTypes.Type(value = PlanAck.class, name = PlanAck.TYPE),
    @JsonSubTypes.Type(value = Receipt.class, name = Receipt.TYPE),
    @JsonSubTypes.Type(value = ReceiptAck.class, name = ReceiptAck.TYPE),
    @JsonSubTypes.Type(value = Emergency.class, name = Emergency.TYPE),
    @JsonSubTypes.Type(value = EmergencyStop.class, name = EmergencyStop.TYPE),
    @JsonSubTypes.Type(value = EmergencyProgress.class, name = EmergencyProgress.TYPE),
})
public sealed interface Message permits StationMessage, ControllerStatus {
    String id();

    Instant timestamp();

    /** The wire name of this message's type. */
    String type();
}
