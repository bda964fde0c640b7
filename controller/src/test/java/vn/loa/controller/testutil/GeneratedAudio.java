package vn.loa.controller.testutil;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * Audio files made by the tests: WAV tones written with Java Sound, streamed (never whole in
 * memory, so they may be large), and MP3 and Ogg Vorbis encoded from them with the Debian tools
 * {@code lame} and {@code oggenc} (package vorbis-tools; {@code ./loa test} installs both). A
 * missing tool fails the test with the command that installs it.
 */
public final class GeneratedAudio {
    private GeneratedAudio() {
    }

    /** A 16-bit PCM WAV of a 440 Hz tone. */
    public static Path wav(Path file, float sampleRate, int channels, double seconds) {
        long frames = Math.round(seconds * sampleRate);
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
        try (AudioInputStream tone = new AudioInputStream(new Tone(sampleRate, channels, frames), format, frames)) {
            AudioSystem.write(tone, AudioFileFormat.Type.WAVE, file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An MP3 encoded from a WAV by {@code lame}. */
    public static Path mp3(Path wav, Path mp3) {
        run("lame", "lame", "--quiet", wav.toString(), mp3.toString());
        return mp3;
    }

    /** An Ogg Vorbis file encoded from a WAV by {@code oggenc}. */
    public static Path ogg(Path wav, Path ogg) {
        run("oggenc", "vorbis-tools", "-Q", wav.toString(), "-o", ogg.toString());
        return ogg;
    }

    /** A copy of the first {@code length} bytes of a file. */
    public static Path truncated(Path source, Path target, long length) {
        try (InputStream in = Files.newInputStream(source)) {
            Files.write(target, in.readNBytes(Math.toIntExact(length)));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path text(Path file, String content) {
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String tool, String debianPackage, String... arguments) {
        List<String> line = new ArrayList<>();
        line.add(tool);
        line.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(line).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(tool + " is not installed; the tests need it to make test audio: apt-get install -y "
                    + debianPackage + " (./loa test installs it)");
            return;
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(tool + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                fail(tool + " failed with exit code " + process.exitValue() + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 16-bit little-endian samples of a 440 Hz tone, generated as they are read. */
    private static final class Tone extends InputStream {
        private final float sampleRate;
        private final int channels;
        private final long totalBytes;
        private long position;

        Tone(float sampleRate, int channels, long frames) {
            this.sampleRate = sampleRate;
            this.channels = channels;
            this.totalBytes = frames * channels * 2;
        }

        @Override
        public int read() {
            if (position >= totalBytes) {
                return -1;
            }
            long frame = position / (channels * 2L);
            short sample = (short) (Math.sin(2 * Math.PI * 440 * frame / sampleRate) * 8000);
            int value = position % 2 == 0 ? sample & 0xFF : (sample >> 8) & 0xFF;
            position++;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= totalBytes) {
                return -1;
            }
            int count = (int) Math.min(length, totalBytes - position);
            int i = 0;
            while (i < count && position % 2 != 0) {
                buffer[offset + i++] = (byte) read();
            }
            for (; i + 1 < count; i += 2) {
                long frame = position / (channels * 2L);
                short sample = (short) (Math.sin(2 * Math.PI * 440 * frame / sampleRate) * 8000);
                buffer[offset + i] = (byte) sample;
                buffer[offset + i + 1] = (byte) (sample >> 8);
                position += 2;
            }
            while (i < count) {
                buffer[offset + i++] = (byte) read();
            }
            return count;
        }
    }
}
