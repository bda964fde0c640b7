package vn.loa.agent.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the agent switches its relay channels. Serial drivers come with the relay-board issue. */
public enum RelayDriver {
    /** In memory only: switches are logged, nothing is driven. */
    SIMULATED;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RelayDriver> fromConfigName(String name) {
        return Arrays.stream(values()).filter(driver -> driver.configName().equals(name)).findFirst();
    }
}
