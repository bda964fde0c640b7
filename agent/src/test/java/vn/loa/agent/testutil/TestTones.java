package vn.loa.agent.testutil;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Bulletin audio generated in the test: 16-bit little-endian PCM samples, written as WAV, and
 * encoded to MP3 and OGG with the {@code lame} and {@code oggenc} tools (a missing tool fails the
 * test with the command that installs it).
 */
public final class TestTones {
    private TestTones() {
    }

    /** A sine of {@code hertz} at {@code amplitude} (0..1 of full scale), the same in every channel. */
    public static byte[] sine(int rate, int channels, double seconds, double hertz, double amplitude) {
        int frames = (int) Math.round(rate * seconds);
        byte[] pcm = new byte[frames * channels * 2];
        for (int frame = 0; frame < frames; frame++) {
            int sample = (int) Math.round(Math.sin(2 * Math.PI * hertz * frame / rate) * amplitude * 32767);
            for (int channel = 0; channel < channels; channel++) {
                int at = (frame * channels + channel) * 2;
                pcm[at] = (byte) sample;
                pcm[at + 1] = (byte) (sample >> 8);
            }
        }
        return pcm;
    }

    /** Digital silence. */
    public static byte[] silence(int rate, int channels, double seconds) {
        return new byte[(int) Math.round(rate * seconds) * channels * 2];
    }

    public static AudioFormat format(int rate, int channels) {
        return new AudioFormat(rate, 16, channels, true, false);
    }

    public static Path wav(Path file, byte[] pcm, int rate, int channels) {
        AudioFormat format = format(rate, channels);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format,
                pcm.length / format.getFrameSize())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path mp3(Path wav, Path mp3) {
        return run("lame", "apt-get install -y lame", List.of("lame", "--quiet", "-b", "128", wav.toString(),
                mp3.toString()), mp3);
    }

    public static Path ogg(Path wav, Path ogg) {
        return run("oggenc", "apt-get install -y vorbis-tools", List.of("oggenc", "-Q", "-o", ogg.toString(),
                wav.toString()), ogg);
    }

    private static Path run(String tool, String install, List<String> command, Path output) {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("'" + tool + "' is needed to generate test audio; install it: " + install, e);
        }
        try {
            String said = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(output)) {
                throw new AssertionError(tool + " failed: " + said);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + tool, e);
        }
    }
}
