package vn.loa.agent.config;

import java.util.Objects;

/** Which relay driver switches the station's zones. */
public record RelaySettings(RelayDriver driver) {
    public RelaySettings {
        Objects.requireNonNull(driver, "driver");
    }

    public static RelaySettings simulated() {
        return new RelaySettings(RelayDriver.SIMULATED);
    }
}
