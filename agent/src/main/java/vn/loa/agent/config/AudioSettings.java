package vn.loa.agent.config;

import java.util.Objects;

/** Where the station's audio goes. */
public record AudioSettings(AudioOutputKind output) {
    public AudioSettings {
        Objects.requireNonNull(output, "output");
    }

    public static AudioSettings simulated() {
        return new AudioSettings(AudioOutputKind.SIMULATED);
    }
}
