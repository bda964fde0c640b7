package vn.loa.controller.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.testutil.GeneratedAudio;

/** Files generated here (WAV by Java Sound, MP3 by lame, Ogg Vorbis by oggenc) are decoded and measured. */
class AudioInspectorTest {
    private final AudioInspector inspector = new AudioInspector();

    @TempDir
    Path dir;

    @Test
    void wavIsDecodedAndMeasuredExactly() {
        Path wav = GeneratedAudio.wav(dir.resolve("tone.wav"), 8000f, 1, 2.5);
        assertThat(inspector.inspect(wav)).isEqualTo(new AudioFacts(BulletinFormat.WAV, 2500));
    }

    @Test
    void stereoWavAtCdRateIsMeasuredExactly() {
        Path wav = GeneratedAudio.wav(dir.resolve("stereo.wav"), 44_100f, 2, 1.25);
        assertThat(inspector.inspect(wav)).isEqualTo(new AudioFacts(BulletinFormat.WAV, 1250));
    }

    @Test
    void mp3IsDecodedAndMeasuredWithinTheEncodersPadding() {
        Path mp3 = GeneratedAudio.mp3(GeneratedAudio.wav(dir.resolve("tone.wav"), 22_050f, 1, 3), dir.resolve("t.mp3"));
        AudioFacts facts = inspector.inspect(mp3);
        assertThat(facts.format()).isEqualTo(BulletinFormat.MP3);
        assertThat(facts.durationMillis()).isBetween(3000L, 3150L);
    }

    @Test
    void oggVorbisIsDecodedAndMeasured() {
        Path ogg = GeneratedAudio.ogg(GeneratedAudio.wav(dir.resolve("tone.wav"), 44_100f, 2, 3), dir.resolve("t.ogg"));
        AudioFacts facts = inspector.inspect(ogg);
        assertThat(facts.format()).isEqualTo(BulletinFormat.OGG);
        assertThat(facts.durationMillis()).isBetween(2950L, 3050L);
    }

    @Test
    void textIsNotAudio() {
        Path text = GeneratedAudio.text(dir.resolve("notes.txt"), "Thông báo: họp tổ dân phố lúc 19 giờ\n");
        assertRefused(text, 415, "unsupported_media_type", "not audio");
    }

    @Test
    void randomBytesAreNotAudio() throws IOException {
        byte[] noise = new byte[10_000];
        new Random(7).nextBytes(noise);
        noise[0] = 0x00;
        assertRefused(Files.write(dir.resolve("noise.bin"), noise), 415, "unsupported_media_type", "WAV, MP3 or Ogg");
    }

    @Test
    void wavCutShortIsRefusedAsTruncated() {
        Path wav = GeneratedAudio.wav(dir.resolve("tone.wav"), 8000f, 1, 3);
        Path cut = GeneratedAudio.truncated(wav, dir.resolve("cut.wav"), 10_000);
        assertRefused(cut, 422, "undecodable_audio", "truncated");
    }

    @Test
    void mp3CutShortIsRefusedAsTruncated() throws IOException {
        // At 44.1 kHz stereo lame writes its Info header (frames at 22 kHz mono are too small for it),
        // which announces the stream's length: the only way to tell a cut MP3 from a short one.
        Path mp3 = GeneratedAudio.mp3(GeneratedAudio.wav(dir.resolve("tone.wav"), 44_100f, 2, 3), dir.resolve("t.mp3"));
        Path cut = GeneratedAudio.truncated(mp3, dir.resolve("cut.mp3"), Files.size(mp3) / 2);
        assertRefused(cut, 422, "undecodable_audio", "truncated");
    }

    @Test
    void oggCutShortIsRefusedAsTruncated() throws IOException {
        Path ogg = GeneratedAudio.ogg(GeneratedAudio.wav(dir.resolve("tone.wav"), 22_050f, 1, 3), dir.resolve("t.ogg"));
        Path cut = GeneratedAudio.truncated(ogg, dir.resolve("cut.ogg"), Files.size(ogg) - 100);
        assertRefused(cut, 422, "undecodable_audio", "truncated");
        Path headersOnly = GeneratedAudio.truncated(ogg, dir.resolve("head.ogg"), 100);
        assertRefused(headersOnly, 422, "undecodable_audio", "OGG");
    }

    @Test
    void wavHeaderOverGarbageCannotBeDecoded() throws IOException {
        byte[] bytes = new byte[2000];
        new Random(3).nextBytes(bytes);
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
        assertRefused(Files.write(dir.resolve("fake.wav"), bytes), 422, "undecodable_audio", "WAV");
    }

    @Test
    void id3TagWithoutAudioIsRefused() throws IOException {
        byte[] tag = new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 20};
        byte[] file = new byte[tag.length + 20];
        System.arraycopy(tag, 0, file, 0, tag.length);
        assertRefused(Files.write(dir.resolve("tag-only.mp3"), file), 422, "undecodable_audio", "MP3");
    }

    @Test
    void mpegFrameHeaderOverGarbageIsRefused() throws IOException {
        byte[] bytes = new byte[5000];
        new Random(11).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFB;
        bytes[2] = (byte) 0x90;
        bytes[3] = (byte) 0x00;
        Path fake = Files.write(dir.resolve("fake.mp3"), bytes);
        assertThatThrownBy(() -> inspector.inspect(fake)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isIn(415, 422));
    }

    private void assertRefused(Path file, int status, String code, String messagePart) {
        assertThatThrownBy(() -> inspector.inspect(file)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
