package vn.loa.controller.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AudioHeadersTest {

    @Test
    void formatsAreRecognisedByTheirFirstBytes() {
        assertThat(AudioHeaders.sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).contains(BulletinFormat.WAV);
        assertThat(AudioHeaders.sniff(ascii("OggS\0\2"))).contains(BulletinFormat.OGG);
        assertThat(AudioHeaders.sniff(ascii("ID3\3\0\0\0\0\0\0"))).contains(BulletinFormat.MP3);
        assertThat(AudioHeaders.sniff(bytes(0xFF, 0xFB, 0x90, 0x00))).contains(BulletinFormat.MP3);
    }

    @Test
    void otherContentIsNoneOfThem() {
        assertThat(AudioHeaders.sniff(ascii("RIFF\0\0\0\0AVI LIST"))).isEmpty();
        assertThat(AudioHeaders.sniff(ascii("%PDF-1.7"))).isEmpty();
        assertThat(AudioHeaders.sniff(ascii("fLaC\0\0\0\""))).isEmpty();
        assertThat(AudioHeaders.sniff(bytes(0xFF, 0xFB, 0xF0, 0x00))).as("bad bitrate index").isEmpty();
        assertThat(AudioHeaders.sniff(bytes(0xFF, 0xF9, 0x90, 0x00))).as("layer bits 00 (reserved)").isEmpty();
        assertThat(AudioHeaders.sniff(new byte[0])).isEqualTo(Optional.empty());
    }

    @Test
    void id3v2LengthIsReadFromItsSyncsafeSize() {
        assertThat(AudioHeaders.id3v2Length(bytes('I', 'D', '3', 4, 0, 0, 0, 0, 0x02, 0x01))).isEqualTo(10 + 257);
        assertThat(AudioHeaders.id3v2Length(bytes('I', 'D', '3', 4, 0, 0x10, 0, 0, 0, 5))).as("with footer")
                .isEqualTo(25);
        assertThat(AudioHeaders.id3v2Length(bytes(0xFF, 0xFB, 0x90, 0))).isZero();
    }

    @Test
    void xingHeaderAnnouncesTheStreamLength() {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(bytes(0xFF, 0xFB, 0x90, 0x64));
        frame.writeBytes(new byte[32]);
        frame.writeBytes(ascii("Info"));
        frame.writeBytes(bytes(0, 0, 0, 0x03));
        frame.writeBytes(bytes(0, 0, 0, 117));
        frame.writeBytes(bytes(0, 0, 0x2F, 0xC1));
        frame.writeBytes(new byte[100]);
        assertThat(AudioHeaders.mp3AnnouncedBytes(frame.toByteArray())).isEqualTo(OptionalLong.of(0x2FC1));
    }

    @Test
    void noXingHeaderAnnouncesNothing() {
        byte[] frame = new byte[200];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        assertThat(AudioHeaders.mp3AnnouncedBytes(frame)).isEmpty();
    }

    @Test
    void oggEndsProperlyOnlyWithACompleteLastPageMarkedEndOfStream() {
        byte[] first = oggPage(0x02, 30);
        byte[] last = oggPage(0x04, 50);
        assertThat(AudioHeaders.oggEndsProperly(concat(first, last))).isTrue();
        assertThat(AudioHeaders.oggEndsProperly(concat(first, oggPage(0x00, 50)))).as("no end-of-stream flag")
                .isFalse();
        byte[] cut = java.util.Arrays.copyOf(concat(first, last), first.length + last.length - 10);
        assertThat(AudioHeaders.oggEndsProperly(cut)).as("last page cut").isFalse();
        assertThat(AudioHeaders.oggEndsProperly(ascii("not ogg at all"))).isFalse();
    }

    private static byte[] oggPage(int flags, int payload) {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes(ascii("OggS"));
        page.write(0);
        page.write(flags);
        page.writeBytes(new byte[20]);
        page.write(1);
        page.write(payload);
        page.writeBytes(new byte[payload]);
        return page.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
