package vn.loa.controller.cap;

import java.util.Optional;

/**
 * CAP {@code certainty}: how sure the sender is. The legacy CAP 1.0 value {@code Very Likely},
 * still written by some senders, is read as {@link #LIKELY}, as CAP 1.2 recommends.
 */
public enum Certainty implements CapCode {
    OBSERVED("Observed"), LIKELY("Likely"), POSSIBLE("Possible"), UNLIKELY("Unlikely"), UNKNOWN("Unknown");

    static final String LEGACY_VERY_LIKELY = "Very Likely";

    private final String capName;

    Certainty(String capName) {
        this.capName = capName;
    }

    @Override
    public String capName() {
        return capName;
    }

    @Override
    public boolean isWritten(String text) {
        return capName.equals(text) || this == LIKELY && LEGACY_VERY_LIKELY.equals(text);
    }

    /** The value CAP writes as {@code text}, if it is one. */
    public static Optional<Certainty> fromCap(String text) {
        return CapCode.find(values(), text);
    }
}
