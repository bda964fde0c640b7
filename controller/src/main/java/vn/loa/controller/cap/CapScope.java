package vn.loa.controller.cap;

import java.util.Optional;

/** CAP {@code scope}: who the alert is for. */
public enum CapScope implements CapCode {
    PUBLIC("Public"), RESTRICTED("Restricted"), PRIVATE("Private");

    private final String capName;

    CapScope(String capName) {
        this.capName = capName;
    }

    @Override
    public String capName() {
        return capName;
    }

    /** The value CAP writes as {@code text}, if it is one. */
    public static Optional<CapScope> fromCap(String text) {
        return CapCode.find(values(), text);
    }
}
