package vn.loa.controller.cap;

import java.util.Optional;

/** CAP {@code severity}: how much harm the event threatens. */
public enum Severity implements CapCode {
    EXTREME("Extreme"), SEVERE("Severe"), MODERATE("Moderate"), MINOR("Minor"), UNKNOWN("Unknown");

    private final String capName;

    Severity(String capName) {
        this.capName = capName;
    }

    @Override
    public String capName() {
        return capName;
    }

    /** The value CAP writes as {@code text}, if it is one. */
    public static Optional<Severity> fromCap(String text) {
        return CapCode.find(values(), text);
    }
}
