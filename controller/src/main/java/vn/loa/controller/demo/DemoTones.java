package vn.loa.controller.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** The demo's audio, synthesised: a three-note station chime and a longer "news" tone pattern. */
final class DemoTones {
    private static final float RATE = 16_000f;

    private DemoTones() {
    }

    /** Three bell-like notes (C5, E5, G5), 4 s. */
    static byte[] chime() {
        double[] notes = {523.25, 659.25, 783.99};
        short[] samples = new short[(int) (RATE * 4)];
        for (int n = 0; n < notes.length; n++) {
            bell(samples, (int) (n * 0.6 * RATE), notes[n], 2.2);
        }
        return wav(samples);
    }

    /** A soft tone that rises and falls for 30 s, standing in for a spoken bulletin. */
    static byte[] news() {
        short[] samples = new short[(int) (RATE * 30)];
        for (int i = 0; i < samples.length; i++) {
            double t = i / RATE;
            double pitch = 220 + 40 * Math.sin(2 * Math.PI * 0.25 * t);
            double envelope = Math.min(1, Math.min(t, 30 - t) / 0.5) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t));
            samples[i] = (short) (6000 * envelope * Math.sin(2 * Math.PI * pitch * t));
        }
        return wav(samples);
    }

    private static void bell(short[] samples, int from, double frequency, double seconds) {
        for (int i = 0; i < seconds * RATE && from + i < samples.length; i++) {
            double t = i / RATE;
            double value = Math.exp(-2.5 * t) * (Math.sin(2 * Math.PI * frequency * t)
                    + 0.3 * Math.sin(4 * Math.PI * frequency * t));
            samples[from + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE,
                    samples[from + i] + 7000 * value));
        }
    }

    private static byte[] wav(short[] samples) {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(pcm), format,
                samples.length); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
