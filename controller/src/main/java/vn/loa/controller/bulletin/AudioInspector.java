package vn.loa.controller.bulletin;

import com.github.trilarion.sound.vorbis.sampled.spi.VorbisAudioFileReader;
import com.github.trilarion.sound.vorbis.sampled.spi.VorbisFormatConversionProvider;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javazoom.spi.mpeg.sampled.convert.MpegFormatConversionProvider;
import javazoom.spi.mpeg.sampled.file.MpegAudioFileReader;
import vn.loa.controller.api.ApiException;

/**
 * Checks an uploaded file by decoding it completely and measures how long it plays: WAV with
 * Java Sound, MP3 with mp3spi (JLayer), Ogg Vorbis with java-vorbis-support (JOrbis). A file that
 * is none of these is a 415; one that claims to be but cannot be decoded, is truncated or holds no
 * audio is a 422. Stateless; safe from any thread, but slow (it decodes): never on the event loop.
 */
public final class AudioInspector {
    private static final int BUFFER = 64 * 1024;
    /** Consecutive empty reads after which a decoder is taken to be stuck. */
    private static final int MAX_EMPTY_READS = 100_000;

    public AudioFacts inspect(Path file) {
        byte[] head = readHead(file);
        BulletinFormat format = AudioHeaders.sniff(head).orElseThrow(() -> new ApiException(415,
                "unsupported_media_type", "the file is not audio that Loa can play: send WAV, MP3 or Ogg Vorbis"));
        try {
            long frames;
            float sampleRate;
            switch (format) {
                case WAV -> {
                    try (InputStream in = open(file); AudioInputStream audio = AudioSystem.getAudioInputStream(in)) {
                        sampleRate = audio.getFormat().getSampleRate();
                        frames = countWavFrames(audio);
                    }
                }
                case MP3 -> {
                    checkMp3Length(file, head);
                    try (InputStream in = open(file);
                         AudioInputStream coded = new MpegAudioFileReader().getAudioInputStream(in);
                         AudioInputStream pcm = new MpegFormatConversionProvider()
                                 .getAudioInputStream(pcmOf(coded.getFormat()), coded)) {
                        sampleRate = coded.getFormat().getSampleRate();
                        frames = countFrames(pcm);
                    }
                }
                default -> {
                    checkOgg(file, head);
                    try (InputStream in = open(file);
                         AudioInputStream coded = new VorbisAudioFileReader().getAudioInputStream(in);
                         AudioInputStream pcm = new VorbisFormatConversionProvider()
                                 .getAudioInputStream(pcmOf(coded.getFormat()), coded)) {
                        sampleRate = coded.getFormat().getSampleRate();
                        frames = countFrames(pcm);
                    }
                }
            }
            if (frames <= 0 || !(sampleRate > 0)) {
                throw undecodable(format, "it holds no audio");
            }
            long millis = Math.max(1, Math.round(frames * 1000.0 / sampleRate));
            return new AudioFacts(format, millis);
        } catch (ApiException e) {
            throw e;
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            throw undecodable(format, reason(e));
        } catch (OutOfMemoryError | StackOverflowError e) {
            // A hostile header can make a decoder ask for an absurd buffer or recurse without end;
            // the allocation or the recursion failed, so nothing is left behind.
            throw undecodable(format, "the decoder failed on it (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads a WAV file's PCM to its end; fewer frames than its header announces means it is truncated. */
    private static long countWavFrames(AudioInputStream audio) throws IOException {
        int frameSize = audio.getFormat().getFrameSize();
        if (frameSize <= 0) {
            throw new IOException("its encoding " + audio.getFormat().getEncoding() + " is not supported");
        }
        long announced = audio.getFrameLength();
        long frames = countBytes(audio) / frameSize;
        if (announced != AudioSystem.NOT_SPECIFIED && frames < announced) {
            float rate = audio.getFormat().getSampleRate();
            throw undecodable(BulletinFormat.WAV, String.format(Locale.ROOT,
                    "it is truncated: its header announces %.1f s of audio, the file holds %.1f s",
                    announced / rate, frames / rate));
        }
        return frames;
    }

    private static long countFrames(AudioInputStream pcm) throws IOException {
        return countBytes(pcm) / pcm.getFormat().getFrameSize();
    }

    private static long countBytes(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int emptyReads = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            total += read;
            emptyReads = read == 0 ? emptyReads + 1 : 0;
            if (emptyReads > MAX_EMPTY_READS) {
                throw new IOException("the decoder makes no progress");
            }
        }
        return total;
    }

    /** 16-bit signed little-endian PCM at the source's rate and channels: what the decoders produce. */
    private static AudioFormat pcmOf(AudioFormat source) {
        int channels = source.getChannels();
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, source.getSampleRate(), 16, channels, channels * 2,
                source.getSampleRate(), false);
    }

    /** An MP3 shorter than its Xing/Info header announces has been cut short. */
    private static void checkMp3Length(Path file, byte[] head) throws IOException {
        long tag = AudioHeaders.id3v2Length(head);
        long size = Files.size(file);
        if (tag >= size) {
            throw undecodable(BulletinFormat.MP3, "it holds only an ID3 tag, no audio");
        }
        byte[] frame = readAt(file, tag, AudioHeaders.HEAD_BYTES);
        OptionalLong announced = AudioHeaders.mp3AnnouncedBytes(frame);
        if (announced.isPresent() && size < announced.getAsLong()) {
            throw undecodable(BulletinFormat.MP3, "it is truncated: its header announces " + announced.getAsLong()
                    + " bytes, the file has " + size);
        }
    }

    private static void checkOgg(Path file, byte[] head) throws IOException {
        if (AudioHeaders.isOggOpus(head)) {
            throw undecodable(BulletinFormat.OGG,
                    "it is Ogg Opus, which is not supported: send Ogg Vorbis, MP3 or WAV");
        }
        long size = Files.size(file);
        long from = Math.max(0, size - AudioHeaders.TAIL_BYTES);
        if (!AudioHeaders.oggEndsProperly(readAt(file, from, (int) (size - from)))) {
            throw undecodable(BulletinFormat.OGG, "it is truncated: its last page is incomplete or does not end "
                    + "the stream");
        }
    }

    private static ApiException undecodable(BulletinFormat format, String why) {
        return new ApiException(422, "undecodable_audio", "the file looks like " + format.wireName().toUpperCase(
                Locale.ROOT) + " but cannot be used: " + why);
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (e instanceof UnsupportedAudioFileException || e instanceof IOException) {
            return message == null || message.isBlank() ? "the decoder refused it" : "the decoder says: "
                    + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
        }
        return "the decoder failed on it (" + e.getClass().getSimpleName() + ")";
    }

    private static InputStream open(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), BUFFER);
    }

    private static byte[] readHead(Path file) {
        try {
            return readAt(file, 0, AudioHeaders.HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAt(Path file, long position, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            int read;
            do {
                read = channel.read(buffer, position + buffer.position());
            } while (read > 0 && buffer.hasRemaining());
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }
}
