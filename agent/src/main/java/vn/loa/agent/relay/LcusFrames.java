package vn.loa.agent.relay;

/**
 * LCUS-1/2/4/8 USB relay boards (CH340, 9600 8N1): {@code A0 ch op sum}, op {@code 01} on and
 * {@code 00} off, {@code sum = (A0 + ch + op) & 0xFF}. Most boards answer nothing.
 */
final class LcusFrames implements RelayFrames {
    static final int MAX_CHANNEL = 8;
    private static final int START = 0xA0;

    @Override
    public byte[] switchFrame(int channel, boolean on) {
        if (channel < 1 || channel > MAX_CHANNEL) {
            throw new IllegalArgumentException("an LCUS board has relay channels 1.." + MAX_CHANNEL + ", got " + channel);
        }
        int op = on ? 0x01 : 0x00;
        return new byte[] {(byte) START, (byte) channel, (byte) op, (byte) ((START + channel + op) & 0xFF)};
    }

    @Override
    public byte[] expectedReply(byte[] frame) {
        return new byte[0];
    }

    @Override
    public String name() {
        return "lcus";
    }
}
