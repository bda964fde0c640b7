package vn.loa.controller.bulletin;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the first and last bytes of an audio file say, without decoding it: its format, the stream
 * length an MP3's Xing/Info header announces, whether an Ogg stream really ends.
 */
final class AudioHeaders {
    /** How many bytes of the head {@link #sniff} and {@link #mp3AnnouncedBytes} want. */
    static final int HEAD_BYTES = 4096;
    /** How many bytes of the tail {@link #oggEndsProperly} wants: more than the largest Ogg page. */
    static final int TAIL_BYTES = 70_000;
    private static final int OGG_PAGE_HEADER = 27;
    private static final int OGG_END_OF_STREAM = 0x04;

    private AudioHeaders() {
    }

    /** The format the file's first bytes announce; empty when they are none of WAV, MP3 or Ogg. */
    static Optional<BulletinFormat> sniff(byte[] head) {
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
            return Optional.of(BulletinFormat.WAV);
        }
        if (startsWith(head, 0, "OggS")) {
            return Optional.of(BulletinFormat.OGG);
        }
        if (startsWith(head, 0, "ID3") || isMpegFrameHeader(head, 0)) {
            return Optional.of(BulletinFormat.MP3);
        }
        return Optional.empty();
    }

    /** An Ogg file whose first page announces Opus rather than Vorbis. */
    static boolean isOggOpus(byte[] head) {
        return indexOf(head, "OpusHead", 0, Math.min(head.length, 200)) >= 0;
    }

    /** The length of the ID3v2 tag at the start of an MP3 file (0 when there is none). */
    static long id3v2Length(byte[] head) {
        if (!startsWith(head, 0, "ID3") || head.length < 10) {
            return 0;
        }
        long size = ((head[6] & 0x7F) << 21) | ((head[7] & 0x7F) << 14) | ((head[8] & 0x7F) << 7) | (head[9] & 0x7F);
        boolean footer = (head[5] & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }

    /**
     * The stream length in bytes announced by the Xing or Info header (written by LAME and most
     * encoders) of the MPEG frame starting at {@code frame[0]}; empty when there is none.
     */
    static OptionalLong mp3AnnouncedBytes(byte[] frame) {
        if (!isMpegFrameHeader(frame, 0)) {
            return OptionalLong.empty();
        }
        int limit = Math.min(frame.length, 64);
        int at = indexOf(frame, "Xing", 4, limit);
        if (at < 0) {
            at = indexOf(frame, "Info", 4, limit);
        }
        if (at < 0 || frame.length < at + 16) {
            return OptionalLong.empty();
        }
        int flags = readInt(frame, at + 4);
        if ((flags & 0x02) == 0) {
            return OptionalLong.empty();
        }
        int field = at + 8 + ((flags & 0x01) != 0 ? 4 : 0);
        if (frame.length < field + 4) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(readInt(frame, field) & 0xFFFF_FFFFL);
    }

    /**
     * Whether the last Ogg page of a file is complete and marks the end of the stream. {@code tail}
     * is the end of the file (the whole file when it is small); a file cut short fails this.
     */
    static boolean oggEndsProperly(byte[] tail) {
        for (int at = lastIndexOf(tail, "OggS", tail.length - OGG_PAGE_HEADER); at >= 0;
             at = lastIndexOf(tail, "OggS", at - 1)) {
            if (tail[at + 4] != 0) {
                continue;
            }
            int segments = tail[at + 26] & 0xFF;
            int headerEnd = at + OGG_PAGE_HEADER + segments;
            if (headerEnd > tail.length) {
                continue;
            }
            long pageEnd = headerEnd;
            for (int i = at + OGG_PAGE_HEADER; i < headerEnd; i++) {
                pageEnd += tail[i] & 0xFF;
            }
            if (pageEnd == tail.length) {
                return (tail[at + 5] & OGG_END_OF_STREAM) != 0;
            }
        }
        return false;
    }

    private static boolean isMpegFrameHeader(byte[] bytes, int at) {
        if (bytes.length < at + 4) {
            return false;
        }
        int b1 = bytes[at + 1] & 0xFF;
        int b2 = bytes[at + 2] & 0xFF;
        boolean sync = (bytes[at] & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0;
        boolean version = (b1 & 0x18) != 0x08;
        boolean layer = (b1 & 0x06) != 0;
        boolean bitrate = (b2 & 0xF0) != 0xF0;
        boolean sampleRate = (b2 & 0x0C) != 0x0C;
        return sync && version && layer && bitrate && sampleRate;
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, String ascii, int from, int limit) {
        for (int at = Math.max(0, from); at + ascii.length() <= limit; at++) {
            if (startsWith(bytes, at, ascii)) {
                return at;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, String ascii, int from) {
        for (int at = Math.min(from, bytes.length - ascii.length()); at >= 0; at--) {
            if (startsWith(bytes, at, ascii)) {
                return at;
            }
        }
        return -1;
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }
}
