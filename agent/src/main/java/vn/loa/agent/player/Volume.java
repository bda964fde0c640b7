package vn.loa.agent.player;

/** Scales 16-bit signed little-endian samples in place: {@code round(sample * volume)}, exact at 1.0. */
final class Volume {
    private Volume() {
    }

    static void apply(byte[] buffer, int length, double volume) {
        if (volume == 1.0) {
            return;
        }
        for (int i = 0; i + 1 < length; i += 2) {
            int sample = (short) ((buffer[i] & 0xff) | (buffer[i + 1] << 8));
            int scaled = scale(sample, volume);
            buffer[i] = (byte) scaled;
            buffer[i + 1] = (byte) (scaled >> 8);
        }
    }

    static int scale(int sample, double volume) {
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sample * volume)));
    }
}
