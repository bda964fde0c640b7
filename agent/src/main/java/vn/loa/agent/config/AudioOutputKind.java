package vn.loa.agent.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the agent sends audio. */
public enum AudioOutputKind {
    /** Nothing is played: playback lasts the clip's duration on a timer. */
    SIMULATED,
    /** The board's sound output through Java Sound (ALSA on Linux). */
    ALSA;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AudioOutputKind> fromConfigName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.configName().equals(name)).findFirst();
    }
}
