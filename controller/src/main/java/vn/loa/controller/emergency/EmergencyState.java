package vn.loa.controller.emergency;

import java.util.Locale;
import java.util.Optional;

/** An emergency announcement's life: a draft waits for an operator (CAP), then active, then stopped or ended. */
public enum EmergencyState {
    DRAFT, ACTIVE, STOPPED, ENDED, DISCARDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EmergencyState> fromWire(String wire) {
        for (EmergencyState state : values()) {
            if (state.wireName().equals(wire)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
