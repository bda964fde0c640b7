package vn.loa.agent.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the agent does, after a restart, with a broadcast whose audio had begun before it. */
public enum AfterReboot {
    /** Reported {@code partly-played} ("agent restarted"), never played again. The default. */
    SKIP,
    /**
     * The rest of it is played, from where it would be now, if the player can seek; otherwise it
     * is played again from the beginning, but only while that is within the late tolerance.
     */
    RESUME;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AfterReboot> fromConfigName(String name) {
        return Arrays.stream(values()).filter(value -> value.configName().equals(name)).findFirst();
    }
}
