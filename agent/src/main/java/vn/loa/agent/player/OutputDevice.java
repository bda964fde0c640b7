package vn.loa.agent.player;

import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * Finds and opens the sound output named in the config: a Java Sound mixer by its full name
 * ({@code "null [default]"}) or by the ALSA device in its brackets ({@code default},
 * {@code plughw:1,0}); no name means the system default.
 */
final class OutputDevice {
    private OutputDevice() {
    }

    /** An opened (not yet started) line for {@code format}. */
    static SourceDataLine open(String device, AudioFormat format) throws AudioFault {
        DataLine.Info info = new DataLine.Info(SourceDataLine.class, format);
        try {
            SourceDataLine line;
            if (device == null) {
                line = (SourceDataLine) AudioSystem.getLine(info);
            } else {
                line = (SourceDataLine) AudioSystem.getMixer(find(device)).getLine(info);
            }
            line.open(format);
            return line;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioFault("cannot open the audio device " + (device == null ? "(system default)" : "'" + device + "'")
                    + " for " + format + ": " + e.getMessage() + "; devices: " + available(), e);
        }
    }

    private static Mixer.Info find(String device) throws AudioFault {
        for (Mixer.Info mixer : AudioSystem.getMixerInfo()) {
            String name = mixer.getName();
            if (name.equals(device) || name.endsWith("[" + device + "]")) {
                return mixer;
            }
        }
        throw new AudioFault("no audio device '" + device + "'; devices: " + available());
    }

    private static String available() {
        String names = Arrays.stream(AudioSystem.getMixerInfo())
                .filter(mixer -> AudioSystem.getMixer(mixer).getSourceLineInfo().length > 0)
                .map(mixer -> "'" + mixer.getName() + "'")
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "none found" : names;
    }
}
