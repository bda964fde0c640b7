package vn.loa.agent.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.RelayDriver;
import vn.loa.agent.config.RelaySettings;
import vn.loa.agent.testutil.RelayBoardEmulator;
import vn.loa.agent.testutil.RelayBoardEmulator.Answer;
import vn.loa.agent.testutil.SocatPtyPair;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Zone;

/** The serial relay drivers over jSerialComm against a board emulator on a socat pty pair. */
class SerialRelayBoardIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<Zone> ZONES = List.of(new Zone(1, "Loa trung tâm"), new Zone(2, "Thôn Đông"));

    @TempDir
    Path dir;
    private SocatPtyPair ptys;
    private RelayBoard board;
    private RelayBoardEmulator emulator;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startPtys() {
        ptys = SocatPtyPair.start(dir);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (board != null) {
            board.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        ptys.close();
    }

    private RelayBoard board(RelayDriver driver) {
        RelaySettings settings = new RelaySettings(driver, ptys.agentEnd(), 9600, 1, Map.of(2, 3),
                Duration.ofMillis(500));
        board = RelayBoards.create("tan-lap-01", ZONES, settings, (kind, severity, detail) -> events.add(kind));
        return board;
    }

    @Test
    void lcusBoardGetsExactlyTheFramesToSwitchAZoneOnThenOff() throws Exception {
        emulator = RelayBoardEmulator.lcus(ptys.boardEnd());
        RelayBoard lcus = board(RelayDriver.LCUS);
        lcus.allOff();
        await().atMost(WAIT).until(() -> emulator.frames().size() == 2);
        lcus.set(1, true);
        await().atMost(WAIT).until(() -> emulator.frames().size() == 3);
        lcus.set(1, false);
        await().atMost(WAIT).until(() -> emulator.frames().size() == 4);

        assertThat(emulator.frames()).containsExactly("A0 01 00 A1", "A0 03 00 A3", "A0 01 01 A2", "A0 01 00 A1");
        assertThat(events).isEmpty();
    }

    @Test
    void modbusBoardGetsExactlyTheFramesAndItsEchoIsChecked() throws Exception {
        emulator = RelayBoardEmulator.modbus(ptys.boardEnd(), Answer.ECHO, Duration.ZERO);
        RelayBoard modbus = board(RelayDriver.MODBUS);
        modbus.allOff();
        await().atMost(WAIT).untilAsserted(() -> assertThat(emulator.frames()).hasSize(2));
        modbus.set(1, true);
        await().atMost(WAIT).untilAsserted(() -> assertThat(modbus.state()).contains(new RelayChannelState(1, true)));
        modbus.set(1, false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(emulator.frames()).hasSize(4));

        assertThat(emulator.frames()).containsExactly("01 05 00 00 00 00 CD CA", "01 05 00 02 00 00 6C 0A",
                "01 05 00 00 FF 00 8C 3A", "01 05 00 00 00 00 CD CA");
        await().atMost(WAIT).until(() -> modbus.state().contains(new RelayChannelState(1, false)));
        assertThat(events).isEmpty();
    }

    @Test
    void modbusWrongEchoIsARelayFault() throws Exception {
        emulator = RelayBoardEmulator.modbus(ptys.boardEnd(), Answer.WRONG, Duration.ZERO);
        board(RelayDriver.MODBUS).set(1, true);

        await().atMost(WAIT).until(() -> events.contains(RelayEvents.FAULT));
        emulator.answer(Answer.ECHO);
        await().atMost(WAIT).until(() -> events.contains(RelayEvents.RECOVERED));
        assertThat(board.state()).contains(new RelayChannelState(1, true));
    }

    @Test
    void modbusLateEchoIsARelayFault() throws Exception {
        emulator = RelayBoardEmulator.modbus(ptys.boardEnd(), Answer.LATE, Duration.ofMillis(900));
        board(RelayDriver.MODBUS).set(1, true);

        await().atMost(WAIT).until(() -> events.contains(RelayEvents.FAULT));
        assertThat(board.fault()).hasValueSatisfying(fault -> assertThat(fault).contains("no answer within 500 ms"));
    }

    @Test
    void boardPulledOutIsAFaultAndOnceBackItsStateIsRestored() throws Exception {
        emulator = RelayBoardEmulator.lcus(ptys.boardEnd());
        RelayBoard lcus = board(RelayDriver.LCUS);
        lcus.allOff();
        await().atMost(WAIT).untilAsserted(() -> assertThat(emulator.frames()).hasSize(2));
        lcus.set(1, true);
        await().atMost(WAIT).untilAsserted(() -> assertThat(emulator.frames()).hasSize(3));

        ptys.kill();
        await().atMost(WAIT).until(() -> events.contains(RelayEvents.FAULT));
        await().atMost(WAIT).until(emulator::stopped);
        lcus.set(2, true); // wanted while the board is away

        ptys.restart();
        RelayBoardEmulator replugged = RelayBoardEmulator.lcus(ptys.boardEnd());
        try {
            await().atMost(WAIT).until(() -> events.contains(RelayEvents.RECOVERED));
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(replugged.frames()).containsExactly("A0 01 01 A2", "A0 03 01 A4"));
            assertThat(lcus.state()).containsExactly(new RelayChannelState(1, true), new RelayChannelState(2, true));
        } finally {
            replugged.close();
        }
    }
}
