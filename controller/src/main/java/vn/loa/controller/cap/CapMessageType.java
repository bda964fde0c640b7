package vn.loa.controller.cap;

import java.util.Optional;

/** CAP {@code msgType}: a new alert, an update or cancellation of earlier ones, or an acknowledgement or error. */
public enum CapMessageType implements CapCode {
    ALERT("Alert"), UPDATE("Update"), CANCEL("Cancel"), ACK("Ack"), ERROR("Error");

    private final String capName;

    CapMessageType(String capName) {
        this.capName = capName;
    }

    @Override
    public String capName() {
        return capName;
    }

    /** The value CAP writes as {@code text}, if it is one. */
    public static Optional<CapMessageType> fromCap(String text) {
        return CapCode.find(values(), text);
    }
}
