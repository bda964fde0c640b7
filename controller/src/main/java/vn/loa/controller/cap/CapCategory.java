package vn.loa.controller.cap;

import java.util.Optional;

/**
 * CAP {@code category}: the kind of event. Geo: geophysical (landslide, earthquake); Met: weather and
 * flood; Env: pollution; Infra: utilities and telecommunications; CBRNE: chemical, biological,
 * radiological, nuclear or explosive.
 */
public enum CapCategory implements CapCode {
    GEO("Geo"), MET("Met"), SAFETY("Safety"), SECURITY("Security"), RESCUE("Rescue"), FIRE("Fire"),
    HEALTH("Health"), ENV("Env"), TRANSPORT("Transport"), INFRA("Infra"), CBRNE("CBRNE"), OTHER("Other");

    private final String capName;

    CapCategory(String capName) {
        this.capName = capName;
    }

    @Override
    public String capName() {
        return capName;
    }

    /** The value CAP writes as {@code text}, if it is one. */
    public static Optional<CapCategory> fromCap(String text) {
        return CapCode.find(values(), text);
    }
}
