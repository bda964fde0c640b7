package vn.loa.agent.player;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Opens a bulletin file (WAV, or MP3 and OGG through the decoders on the classpath) as signed
 * 16-bit little-endian PCM at the file's own rate and channel count: the one format the player
 * writes, scales and measures.
 */
final class PcmDecoder {
    private PcmDecoder() {
    }

    /** The decoded stream, positioned {@code offset} into the audio; the caller closes it. */
    static AudioInputStream open(Path file, Duration offset) throws AudioFault {
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file));
            AudioInputStream encoded = AudioSystem.getAudioInputStream(in);
            AudioFormat source = encoded.getFormat();
            float rate = source.getSampleRate();
            int channels = source.getChannels();
            if (rate <= 0 || channels <= 0) {
                throw new AudioFault("cannot tell the sample rate or channels of " + file.getFileName());
            }
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, channels, channels * 2, rate,
                    false);
            AudioInputStream decoded = source.matches(pcm) ? encoded : AudioSystem.getAudioInputStream(pcm, encoded);
            skip(decoded, offset);
            return decoded;
        } catch (UnsupportedAudioFileException e) {
            close(in);
            throw new AudioFault("cannot decode " + file.getFileName() + ": not WAV, MP3 or OGG audio", e);
        } catch (IllegalArgumentException e) {
            close(in);
            throw new AudioFault("cannot decode " + file.getFileName() + " to PCM: " + e.getMessage(), e);
        } catch (IOException e) {
            close(in);
            throw new AudioFault("cannot read " + file.getFileName() + ": " + e, e);
        } catch (AudioFault e) {
            close(in);
            throw e;
        }
    }

    /** Reads and drops whole frames up to {@code offset}: decoders' own skip is not always exact. */
    private static void skip(AudioInputStream stream, Duration offset) throws IOException {
        AudioFormat format = stream.getFormat();
        long bytes = Math.round(offset.toNanos() / 1e9 * format.getFrameRate()) * format.getFrameSize();
        byte[] buffer = new byte[8192];
        while (bytes > 0) {
            int read = stream.read(buffer, 0, (int) Math.min(buffer.length, bytes));
            if (read < 0) {
                return;
            }
            bytes -= read;
        }
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing: the first problem is the one reported
            }
        }
    }
}
