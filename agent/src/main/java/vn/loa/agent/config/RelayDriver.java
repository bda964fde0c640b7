package vn.loa.agent.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the agent switches its relay channels. */
public enum RelayDriver {
    /** In memory only: switches are logged, nothing is driven. */
    SIMULATED,
    /** LCUS-1/2/4/8 USB relay boards (CH340): {@code A0 ch op sum}, no answer. */
    LCUS,
    /** Modbus RTU relay boards: write single coil, the echo checked. */
    MODBUS;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RelayDriver> fromConfigName(String name) {
        return Arrays.stream(values()).filter(driver -> driver.configName().equals(name)).findFirst();
    }
}
