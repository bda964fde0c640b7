package vn.loa.controller.cap;

import java.util.Optional;

/** CAP {@code urgency}: how soon people should act. */
public enum Urgency implements CapCode {
    IMMEDIATE("Immediate"), EXPECTED("Expected"), FUTURE("Future"), PAST("Past"), UNKNOWN("Unknown");

    private final String capName;

    Urgency(String capName) {
        this.capName = capName;
    }

    @Override
    public String capName() {
        return capName;
    }

    /** The value CAP writes as {@code text}, if it is one. */
    public static Optional<Urgency> fromCap(String text) {
        return CapCode.find(values(), text);
    }
}
