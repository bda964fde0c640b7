package vn.loa.agent.relay;

/**
 * Modbus RTU relay boards (e.g. Waveshare): write single coil (function 05),
 * {@code addr 05 coilHi coilLo FF00|0000 crcLo crcHi}, coil = relay channel - 1. The board echoes
 * a successful write byte for byte.
 */
final class ModbusFrames implements RelayFrames {
    static final int MAX_ADDRESS = 247;
    private static final int WRITE_SINGLE_COIL = 0x05;

    private final int address;

    ModbusFrames(int address) {
        if (address < 1 || address > MAX_ADDRESS) {
            throw new IllegalArgumentException("a Modbus device address is 1.." + MAX_ADDRESS + ", got " + address);
        }
        this.address = address;
    }

    @Override
    public byte[] switchFrame(int channel, boolean on) {
        if (channel < 1 || channel > 0x10000) {
            throw new IllegalArgumentException("a Modbus relay channel is 1..65536, got " + channel);
        }
        int coil = channel - 1;
        byte[] frame = new byte[8];
        frame[0] = (byte) address;
        frame[1] = WRITE_SINGLE_COIL;
        frame[2] = (byte) (coil >> 8);
        frame[3] = (byte) coil;
        frame[4] = (byte) (on ? 0xFF : 0x00);
        frame[5] = 0x00;
        int crc = crc16(frame, 6);
        frame[6] = (byte) crc;
        frame[7] = (byte) (crc >> 8);
        return frame;
    }

    @Override
    public byte[] expectedReply(byte[] frame) {
        return frame.clone();
    }

    @Override
    public String name() {
        return "modbus";
    }

    /** CRC-16/Modbus of the first {@code length} bytes: poly 0xA001 (reflected), init 0xFFFF; sent low byte first. */
    static int crc16(byte[] data, int length) {
        int crc = 0xFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
