package vn.loa.agent.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.agent.link.Backoff;
import vn.loa.agent.testutil.ManualScheduler;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Severity;

class SerialRelayBoardTest {
    private static final Duration PROBE = Duration.ofSeconds(1);

    private final ManualScheduler thread = new ManualScheduler(MutableClock.at("2026-11-23T05:00:00Z"));
    private final FakeSerialPort.Opener opener = new FakeSerialPort.Opener();
    private final FakeSerialPort port = opener.port;
    private final List<String> events = new ArrayList<>();

    /** Zones 1 and 2; zone 2 is on relay channel 4. Backoff without jitter: 250, 500, 1000 ... 4000 ms. */
    private SerialRelayBoard board(RelayFrames frames) {
        return new SerialRelayBoard(
                new SerialRelayBoard.Settings("tan-lap-01", Map.of(1, 1, 2, 4), Duration.ofMillis(500),
                        new Backoff(Duration.ofMillis(250), Duration.ofSeconds(4), () -> 1.0), PROBE),
                frames, opener, thread, (kind, severity, detail) -> events.add(kind + "/" + severity + ": " + detail),
                () -> { });
    }

    private static byte[] echo(byte[] frame) {
        return frame;
    }

    @Test
    void allOffAtStartWritesEveryChannelOffThroughTheChannelMap() {
        SerialRelayBoard board = board(new LcusFrames());
        board.allOff();
        thread.runDue();

        assertThat(port.written).containsExactly("A0 01 00 A1", "A0 04 00 A4");
        assertThat(board.state()).containsExactly(new RelayChannelState(1, false), new RelayChannelState(2, false));
        assertThat(events).isEmpty();
    }

    @Test
    void switchingAZoneOnThenOffWritesOnlyItsChannel() {
        SerialRelayBoard board = board(new LcusFrames());
        board.allOff();
        thread.runDue();
        port.written.clear();

        board.set(2, true);
        thread.runDue();
        assertThat(board.state()).contains(new RelayChannelState(2, true));
        board.set(2, false);
        thread.runDue();

        assertThat(port.written).containsExactly("A0 04 01 A5", "A0 04 00 A4");
    }

    @Test
    void modbusChecksTheEcho() {
        SerialRelayBoard board = board(new ModbusFrames(1));
        port.answer = SerialRelayBoardTest::echo;
        board.set(1, true);
        thread.runDue();

        assertThat(port.written).containsExactly("01 05 00 00 FF 00 8C 3A", "01 05 00 03 00 00 3D CA");
        assertThat(board.fault()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void wrongEchoIsRetriedWithBackoffAndReportedOnceThenRecovered() {
        SerialRelayBoard board = board(new ModbusFrames(1));
        int[] wrongAnswersLeft = {3};
        port.answer = frame -> wrongAnswersLeft[0]-- > 0 ? new byte[] {0x01, (byte) 0x85, 0x02} : frame;
        board.set(1, true);
        thread.runDue();

        assertThat(port.written).hasSize(1);
        assertThat(events).singleElement().asString()
                .startsWith("relay-fault/FAULT: modbus relay board on /dev/fake: zone 1 (relay 1) on")
                .contains("answer 01 85 02 instead of 01 05 00 00 FF 00 8C 3A");
        assertThatThrownBy(board::state).hasMessageContaining("faulted");

        thread.advance(Duration.ofMillis(249));
        assertThat(port.written).as("no retry before the first backoff").hasSize(1);
        thread.advance(Duration.ofMillis(1));
        assertThat(port.written).hasSize(2);
        thread.advance(Duration.ofMillis(499));
        assertThat(port.written).as("the second backoff is longer").hasSize(2);
        thread.advance(Duration.ofMillis(1));
        assertThat(port.written).hasSize(3);
        thread.advance(Duration.ofMillis(1000));

        assertThat(port.written).hasSize(5).allMatch(frame -> frame.startsWith("01 05"));
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).startsWith("relay-recovered/INFO");
        assertThat(board.fault()).isEmpty();
        assertThat(board.state()).containsExactly(new RelayChannelState(1, true), new RelayChannelState(2, false));
    }

    @Test
    void missingEchoIsAFault() {
        SerialRelayBoard board = board(new ModbusFrames(1));
        board.set(1, true);
        thread.runDue();

        assertThat(board.fault()).hasValueSatisfying(fault -> assertThat(fault).contains("no answer within 500 ms"));
        assertThat(events).singleElement().asString().startsWith("relay-fault/FAULT");
    }

    @Test
    void lateEchoIsAFaultAndIsNotTakenForTheAnswerToTheRetry() {
        SerialRelayBoard board = board(new ModbusFrames(1));
        port.answer = SerialRelayBoardTest::echo;
        port.late = true; // every echo arrives after the board stopped waiting for it
        board.set(1, true);
        thread.advance(Duration.ofSeconds(5));

        assertThat(port.written).hasSizeGreaterThan(3).containsOnly("01 05 00 00 FF 00 8C 3A");
        assertThat(board.fault()).hasValueSatisfying(fault -> assertThat(fault).contains("no answer within 500 ms"));
        assertThat(events).singleElement().asString().startsWith("relay-fault/FAULT");
    }

    @Test
    void portThatVanishesWhileIdleIsReportedReopenedAndTheWantedStateRestored() {
        SerialRelayBoard board = board(new LcusFrames());
        board.set(1, true);
        thread.runDue();
        port.written.clear();

        port.unplug();
        opener.missing = true;
        thread.advance(PROBE);
        assertThat(events).singleElement().asString().contains("gone");
        board.set(2, true); // wanted while the board is away
        thread.advance(Duration.ofSeconds(10));
        assertThat(port.written).isEmpty();
        assertThat(events).hasSize(1);

        opener.missing = false;
        thread.advance(Duration.ofSeconds(5));

        assertThat(port.written).containsExactly("A0 01 01 A2", "A0 04 01 A5");
        assertThat(opener.opens).isEqualTo(2);
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).startsWith("relay-recovered/INFO");
        assertThat(board.state()).containsExactly(new RelayChannelState(1, true), new RelayChannelState(2, true));
    }

    @Test
    void failedWriteIsAFaultAndTheFrameIsWrittenAgainOnceThePortIsBack() {
        SerialRelayBoard board = board(new LcusFrames());
        board.allOff();
        thread.runDue();
        port.written.clear();

        port.unplug();
        board.set(1, true);
        thread.runDue();
        assertThat(events).singleElement().asString().contains("took 0 of 4 bytes");

        thread.advance(Duration.ofMillis(250));
        assertThat(port.written).containsExactly("A0 01 01 A2", "A0 04 00 A4");
        assertThat(board.fault()).isEmpty();
    }

    @Test
    void portMissingAtStartIsAFaultAndRetried() {
        opener.missing = true;
        SerialRelayBoard board = board(new LcusFrames());
        board.allOff();
        thread.runDue();
        assertThat(events).singleElement().asString().contains("no serial port at /dev/fake");

        opener.missing = false;
        thread.advance(Duration.ofMillis(250));
        assertThat(port.written).containsExactly("A0 01 00 A1", "A0 04 00 A4");
    }

    @Test
    void shutDownSwitchesEverythingOffAndClosesThePort() {
        SerialRelayBoard board = board(new LcusFrames());
        board.set(1, true);
        thread.runDue();
        port.written.clear();

        var done = board.shutDown();
        thread.runDue();

        assertThat(done).isCompleted();
        assertThat(port.written).containsExactly("A0 01 00 A1");
        assertThat(port.closed).isTrue();
        assertThatThrownBy(() -> board.set(1, true)).isInstanceOf(IllegalStateException.class);
        thread.advance(Duration.ofSeconds(10));
        assertThat(opener.opens).as("no reopening after shutdown").isEqualTo(1);
    }

    @Test
    void unknownZoneIsRefused() {
        SerialRelayBoard board = board(new LcusFrames());
        assertThatThrownBy(() -> board.set(3, true)).hasMessageContaining("no relay zone 3");
    }

    @Test
    void channelTheBoardCannotHaveIsRefusedAtStart() {
        assertThatThrownBy(() -> new SerialRelayBoard(
                new SerialRelayBoard.Settings("tan-lap-01", Map.of(1, 9), Duration.ofMillis(500),
                        new Backoff(Duration.ofMillis(250), Duration.ofSeconds(4)), PROBE),
                new LcusFrames(), opener, thread, (kind, severity, detail) -> { }, () -> { }))
                .hasMessageContaining("1..8");
    }
}
