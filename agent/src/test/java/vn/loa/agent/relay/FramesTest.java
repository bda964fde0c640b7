package vn.loa.agent.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FramesTest {
    private static String hex(byte[] bytes) {
        return FakeSerialPort.hex(bytes);
    }

    @Test
    void lcusFramesMatchTheDomainExamples() {
        LcusFrames lcus = new LcusFrames();
        assertThat(hex(lcus.switchFrame(1, true))).isEqualTo("A0 01 01 A2");
        assertThat(hex(lcus.switchFrame(1, false))).isEqualTo("A0 01 00 A1");
        assertThat(hex(lcus.switchFrame(8, true))).isEqualTo("A0 08 01 A9");
        assertThat(lcus.expectedReply(lcus.switchFrame(1, true))).isEmpty();
    }

    @Test
    void lcusRefusesChannelsTheBoardCannotHave() {
        LcusFrames lcus = new LcusFrames();
        assertThatThrownBy(() -> lcus.switchFrame(0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lcus.switchFrame(9, true)).hasMessageContaining("1..8");
    }

    @Test
    void modbusFramesMatchTheDomainExamples() {
        ModbusFrames modbus = new ModbusFrames(1);
        assertThat(hex(modbus.switchFrame(1, true))).isEqualTo("01 05 00 00 FF 00 8C 3A");
        assertThat(hex(modbus.switchFrame(1, false))).isEqualTo("01 05 00 00 00 00 CD CA");
    }

    @Test
    void modbusAddressesTheDeviceAndCoilChannelMinusOne() {
        byte[] frame = new ModbusFrames(2).switchFrame(4, true);
        assertThat(hex(frame)).startsWith("02 05 00 03 FF 00");
        int crc = ModbusFrames.crc16(frame, 6);
        assertThat(frame[6] & 0xFF).isEqualTo(crc & 0xFF);
        assertThat(frame[7] & 0xFF).isEqualTo(crc >> 8);
        assertThat(ModbusFrames.crc16(frame, 8)).as("a frame with its CRC checks to zero").isZero();
        assertThat(new ModbusFrames(2).expectedReply(frame)).isEqualTo(frame);
    }

    @Test
    void crcIsCrc16Modbus() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(ModbusFrames.crc16(check, check.length)).isEqualTo(0x4B37);
    }

    @Test
    void modbusRefusesAnAddressOutOfRange() {
        assertThatThrownBy(() -> new ModbusFrames(0)).hasMessageContaining("1..247");
        assertThatThrownBy(() -> new ModbusFrames(248)).hasMessageContaining("1..247");
    }
}
