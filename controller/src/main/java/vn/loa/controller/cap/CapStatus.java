package vn.loa.controller.cap;

import java.util.Optional;

/** CAP {@code status}: how the alert is meant. Only {@code Actual} alerts make anything sound. */
public enum CapStatus implements CapCode {
    ACTUAL("Actual"), EXERCISE("Exercise"), SYSTEM("System"), TEST("Test"), DRAFT("Draft");

    private final String capName;

    CapStatus(String capName) {
        this.capName = capName;
    }

    @Override
    public String capName() {
        return capName;
    }

    /** The value CAP writes as {@code text}, if it is one. */
    public static Optional<CapStatus> fromCap(String text) {
        return CapCode.find(values(), text);
    }
}
