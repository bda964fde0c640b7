package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.config.RelayDriver;
import vn.loa.agent.config.RelaySettings;
import vn.loa.agent.testutil.ControllerStandIn;
import vn.loa.agent.testutil.EmbeddedBroker;
import vn.loa.agent.testutil.Plans;
import vn.loa.agent.testutil.RangeFileServer;
import vn.loa.agent.testutil.RelayBoardEmulator;
import vn.loa.agent.testutil.RelayBoardEmulator.Answer;
import vn.loa.agent.testutil.SocatPtyPair;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.PlanAck;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Severity;
import vn.loa.protocol.StationEvent;
import vn.loa.protocol.Zone;

/** A whole station driving a serial relay board emulated on a socat pty pair, through a real broker. */
class RelayBoardIT {
    private static final String STATION = "relay-it";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TestAudio NEWS = TestAudio.of("news", 100_000);

    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private SocatPtyPair ptys;
    private final RangeFileServer files = new RangeFileServer();
    private ControllerStandIn controller;
    private StationAgent agent;
    private RelayBoardEmulator emulator;

    @BeforeEach
    void start() {
        broker = EmbeddedBroker.start(dir.resolve("broker"));
        files.serve(NEWS.path(), NEWS.bytes());
        ptys = SocatPtyPair.start(dir);
        controller = new ControllerStandIn(broker.uri(), STATION);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (agent != null) {
            agent.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        controller.close();
        broker.close();
        files.close();
        ptys.close();
    }

    private void startAgent(RelayDriver driver) {
        agent = StationAgent.start(AgentConfig.of(STATION, broker.uri(), dir.resolve("agent"))
                .withZones(List.of(new Zone(1, "Loa trung tâm"), new Zone(2, "Thôn Đông")))
                .withRelay(new RelaySettings(driver, ptys.agentEnd(), 9600, 1, Map.of(2, 3), Duration.ofMillis(500)))
                .withHeartbeatSeconds(1).withKeepAliveSeconds(2).withReconnect(100, 1)
                .withControllerUrl(files.url())
                .withPlayout(PlayoutSettings.defaults().withWarmUp(Duration.ofMillis(300))
                        .withHold(Duration.ofMillis(300))), Clock.systemUTC());
        await().atMost(WAIT).until(() -> controller.received(PlanAck.class).size() == 1);
    }

    private void playBroadcastOnZone1() {
        Instant now = Instant.now();
        controller.send(Plans.plan(STATION, 1, now, Plans.broadcast("b-relay-1", now.plusSeconds(2),
                Duration.ofSeconds(1), BulletinClass.NORMAL, List.of(1), NEWS.ref())));
        await().atMost(WAIT).until(() -> controller.received(Receipt.class, r -> r.state().isFinal()).size() == 1);
    }

    @Test
    void lcusBoardIsSwitchedOffAtStartThenOnAndOffForAScheduledBroadcast() throws Exception {
        emulator = RelayBoardEmulator.lcus(ptys.boardEnd());
        startAgent(RelayDriver.LCUS);
        playBroadcastOnZone1();

        await("off after the hold").atMost(WAIT).untilAsserted(() -> assertThat(emulator.frames()).containsExactly(
                "A0 01 00 A1", "A0 03 00 A3", "A0 01 01 A2", "A0 01 00 A1"));
        assertThat(controller.received(StationEvent.class)).isEmpty();
    }

    @Test
    void modbusBoardIsSwitchedOffAtStartThenOnAndOffForAScheduledBroadcast() throws Exception {
        emulator = RelayBoardEmulator.modbus(ptys.boardEnd(), Answer.ECHO, Duration.ZERO);
        startAgent(RelayDriver.MODBUS);
        playBroadcastOnZone1();

        await("off after the hold").atMost(WAIT).untilAsserted(() -> assertThat(emulator.frames()).containsExactly(
                "01 05 00 00 00 00 CD CA", "01 05 00 02 00 00 6C 0A",
                "01 05 00 00 FF 00 8C 3A", "01 05 00 00 00 00 CD CA"));
        assertThat(controller.received(StationEvent.class)).isEmpty();
    }

    @Test
    void modbusEchoThatIsWrongIsReportedAsARelayFault() throws Exception {
        emulator = RelayBoardEmulator.modbus(ptys.boardEnd(), Answer.WRONG, Duration.ZERO);
        startAgent(RelayDriver.MODBUS);

        await().atMost(WAIT).until(() -> !controller.received(StationEvent.class,
                e -> "relay-fault".equals(e.kind()) && e.severity() == Severity.FAULT).isEmpty());
        await("the heartbeat leaves out relays it cannot vouch for").atMost(WAIT).until(() -> !controller.received(
                Heartbeat.class, h -> h.relays().isEmpty()).isEmpty());
    }

    @Test
    void boardPulledOutIsReportedWithin10SecondsAndItsStateRestoredOnceBackWithoutARestart() throws Exception {
        emulator = RelayBoardEmulator.lcus(ptys.boardEnd());
        startAgent(RelayDriver.LCUS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(emulator.frames()).hasSize(2));
        agent.relays().set(1, true); // as a broadcast in progress would
        await().atMost(WAIT).untilAsserted(() -> assertThat(emulator.frames()).hasSize(3));

        ptys.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> !controller.received(StationEvent.class,
                e -> "relay-fault".equals(e.kind())).isEmpty());

        ptys.restart();
        emulator = RelayBoardEmulator.lcus(ptys.boardEnd());
        await().atMost(WAIT).until(() -> !controller.received(StationEvent.class,
                e -> "relay-recovered".equals(e.kind())).isEmpty());
        RelayBoardEmulator replugged = emulator;
        await("the wanted state is written again in full").atMost(WAIT).untilAsserted(() ->
                assertThat(replugged.frames()).containsExactly("A0 01 01 A2", "A0 03 00 A3"));
        await().atMost(WAIT).until(() -> !controller.received(Heartbeat.class,
                h -> h.relays().contains(new RelayChannelState(1, true))).isEmpty());
    }
}
