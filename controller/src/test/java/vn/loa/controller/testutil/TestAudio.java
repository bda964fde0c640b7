package vn.loa.controller.testutil;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Test audio made in code: a WAV tone, or silence, of a given length. */
public final class TestAudio {
    private TestAudio() {
    }

    /** 16-bit mono PCM at 8 kHz, a 440 Hz tone. */
    public static byte[] wav(double seconds) {
        float rate = 8000f;
        int frames = (int) Math.round(seconds * rate);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return wav(pcm, rate, frames);
    }

    /** 16-bit mono PCM at 8 kHz, every sample zero: what dead air sounds like. */
    public static byte[] silence(double seconds) {
        float rate = 8000f;
        int frames = (int) Math.round(seconds * rate);
        return wav(new byte[frames * 2], rate, frames);
    }

    private static byte[] wav(byte[] pcm, float rate, int frames) {
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
