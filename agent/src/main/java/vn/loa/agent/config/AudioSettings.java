package vn.loa.agent.config;

import java.util.Objects;

/**
 * Where the station's audio goes and how it is watched.
 *
 * @param output             simulated (a timer) or ALSA through Java Sound
 * @param device             the Java Sound mixer to play through, by its name ({@code "null [default]"}) or the
 *                           ALSA device in its brackets ({@code default}, {@code plughw:1,0}); null for the
 *                           system default
 * @param volume             0.0..1.0, applied to the samples in software
 * @param deadAirSeconds     1..3600; silence longer than this within one bulletin is reported as dead air
 * @param silenceThresholdDb -120..0 dBFS; a second of audio quieter than this counts as silence
 */
public record AudioSettings(AudioOutputKind output, String device, double volume, int deadAirSeconds,
                            double silenceThresholdDb) {
    public static final double DEFAULT_VOLUME = 1.0;
    public static final int DEFAULT_DEAD_AIR_SECONDS = 10;
    public static final double DEFAULT_SILENCE_THRESHOLD_DB = -50;

    public AudioSettings {
        Objects.requireNonNull(output, "output");
        if (device != null && device.isBlank()) {
            throw new IllegalArgumentException("field 'audio.device' must not be blank (leave it out for the default)");
        }
        if (!(volume >= 0.0 && volume <= 1.0)) {
            throw new IllegalArgumentException("field 'audio.volume' must be 0.0..1.0, got " + volume);
        }
        Ranges.check("audio.deadAirSeconds", deadAirSeconds, 1, 3600);
        if (!(silenceThresholdDb >= -120 && silenceThresholdDb <= 0)) {
            throw new IllegalArgumentException("field 'audio.silenceThresholdDb' must be -120..0, got "
                    + silenceThresholdDb);
        }
    }

    public static AudioSettings simulated() {
        return new AudioSettings(AudioOutputKind.SIMULATED, null, DEFAULT_VOLUME, DEFAULT_DEAD_AIR_SECONDS,
                DEFAULT_SILENCE_THRESHOLD_DB);
    }

    /** ALSA output through Java Sound with every other setting at its default. */
    public static AudioSettings alsa() {
        return simulated().withOutput(AudioOutputKind.ALSA);
    }

    public AudioSettings withOutput(AudioOutputKind kind) {
        return new AudioSettings(kind, device, volume, deadAirSeconds, silenceThresholdDb);
    }

    public AudioSettings withDevice(String name) {
        return new AudioSettings(output, name, volume, deadAirSeconds, silenceThresholdDb);
    }

    public AudioSettings withVolume(double value) {
        return new AudioSettings(output, device, value, deadAirSeconds, silenceThresholdDb);
    }

    public AudioSettings withDeadAirSeconds(int seconds) {
        return new AudioSettings(output, device, volume, seconds, silenceThresholdDb);
    }
}
