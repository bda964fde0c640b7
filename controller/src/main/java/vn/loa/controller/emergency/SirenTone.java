package vn.loa.controller.emergency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built-in standard siren: a wailing tone (600 to 1,200 Hz and back, one cycle every 4 s),
 * 16 kHz mono 16-bit WAV, generated so no recording has to ship with Loa. Provinces may replace it
 * with their own recording.
 */
final class SirenTone {
    static final int SAMPLE_RATE = 16_000;
    private static final double LOW_HZ = 600;
    private static final double HIGH_HZ = 1200;
    private static final double CYCLE_SECONDS = 4;

    private SirenTone() {
    }

    /** Writes {@code seconds} of siren as a WAV file. */
    static void write(Path file, int seconds) {
        int samples = SAMPLE_RATE * seconds;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double t = (double) i / SAMPLE_RATE;
            double sweep = 0.5 - 0.5 * Math.cos(2 * Math.PI * t / CYCLE_SECONDS);
            double frequency = LOW_HZ + (HIGH_HZ - LOW_HZ) * sweep;
            phase += 2 * Math.PI * frequency / SAMPLE_RATE;
            double fade = Math.min(1, Math.min(t / 0.05, (seconds - t) / 0.05));
            pcm.putShort((short) (Math.sin(phase) * 0.7 * fade * Short.MAX_VALUE));
        }
        try {
            Files.write(file, wav(pcm.array()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the siren to " + file, e);
        }
    }

    private static byte[] wav(byte[] pcm) {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(pcm.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + pcm.length);
        out.writeBytes(header.array());
        out.writeBytes(pcm);
        return out.toByteArray();
    }
}
