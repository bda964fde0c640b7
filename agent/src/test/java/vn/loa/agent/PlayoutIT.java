package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.testutil.ControllerStandIn;
import vn.loa.agent.testutil.EmbeddedBroker;
import vn.loa.agent.testutil.Plans;
import vn.loa.agent.testutil.RangeFileServer;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlanAck;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptAck;
import vn.loa.protocol.ReceiptState;
import vn.loa.protocol.RelayChannelState;

/** Plan, playout and proof of play through a real broker, a real HTTP download and real SQLite. */
class PlayoutIT {
    private static final String STATION = "playout-it";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TestAudio NEWS = TestAudio.of("news", 200_000);

    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private final RangeFileServer files = new RangeFileServer();
    private final List<ControllerStandIn> controllers = new ArrayList<>();
    private StationAgent agent;

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.start(dir.resolve("broker"));
        files.serve(NEWS.path(), NEWS.bytes());
    }

    @AfterEach
    void stopEverything() {
        if (agent != null) {
            agent.close();
        }
        controllers.forEach(ControllerStandIn::close);
        broker.close();
        files.close();
    }

    private StationAgent startAgent() {
        agent = StationAgent.start(AgentConfig.of(STATION, broker.uri(), dir.resolve("agent"))
                .withHeartbeatSeconds(1).withKeepAliveSeconds(2).withReconnect(100, 1)
                .withControllerUrl(files.url())
                .withPlayout(PlayoutSettings.defaults().withWarmUp(Duration.ofMillis(300))
                        .withHold(Duration.ofMillis(200))), Clock.systemUTC());
        return agent;
    }

    private ControllerStandIn controller() {
        ControllerStandIn controller = new ControllerStandIn(broker.uri(), STATION);
        controllers.add(controller);
        return controller;
    }

    private static Plan planStartingIn(Duration delay, Duration length) {
        Instant now = Instant.now();
        return Plans.plan(STATION, 1, now, Plans.broadcast("b-it-1", now.plus(delay), length, BulletinClass.NORMAL,
                List.of(1), NEWS.ref()));
    }

    @Test
    void aPlanIsPlayedAndProvedAndItsReceiptsGoUntilAcknowledgedEvenAcrossRestarts() {
        ControllerStandIn controller = controller();
        startAgent();
        await().atMost(WAIT).until(() -> controller.received(PlanAck.class).size() == 1);

        controller.send(planStartingIn(Duration.ofSeconds(3), Duration.ofSeconds(3)));

        await().atMost(WAIT).until(() -> controller.received(PlanAck.class, a -> a.planVersion() == 1).size() == 1);
        await().atMost(WAIT).until(() -> controller.received(Heartbeat.class, h -> h.playing() != null
                && "b-it-1".equals(h.playing().broadcastId()) && h.relays().contains(new RelayChannelState(1, true)))
                .size() >= 1);
        await().atMost(WAIT).until(() -> controller.received(Receipt.class, r -> r.state().isFinal()).size() == 1);
        List<Receipt> receipts = controller.received(Receipt.class);
        assertThat(receipts).extracting(Receipt::state).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        Receipt started = receipts.get(0);
        assertThat(Duration.between(started.plannedStart(), started.actualStart()).abs())
                .isLessThan(Duration.ofMillis(100));
        assertThat(started.zonesOn()).containsExactly(1);
        assertThat(files.requests()).hasSize(1);

        agent.close();
        startAgent();
        await("unacknowledged receipts go again after a restart, same ids").atMost(WAIT)
                .until(() -> controller.received(Receipt.class).size() == 4);
        assertThat(controller.received(Receipt.class)).extracting(Receipt::id)
                .containsExactly(receipts.get(0).id(), receipts.get(1).id(), receipts.get(0).id(), receipts.get(1).id());

        controller.send(new ReceiptAck(MessageIds.next(), Instant.now(), STATION,
                receipts.stream().map(Receipt::id).toList()));
        await().atMost(WAIT).until(() -> controller.received(PlanAck.class).size() >= 3);
        agent.close();
        startAgent();

        await().atMost(WAIT).until(() -> controller.received(PlanAck.class).size() >= 4);
        await("acknowledged receipts never come again").during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> controller.received(Receipt.class).size() == 4);
        assertThat(files.requests()).as("the cached audio was checked again, not fetched again").hasSize(1);
    }

    @Test
    void playsOnTimeWithTheBrokerDownAndDeliversEveryReceiptOnceItIsBack() {
        ControllerStandIn before = controller();
        startAgent();
        await().atMost(WAIT).until(() -> before.received(PlanAck.class).size() == 1);
        Plan plan = planStartingIn(Duration.ofSeconds(4), Duration.ofSeconds(1));
        before.send(plan);
        await().atMost(WAIT).until(() -> before.received(PlanAck.class, a -> a.planVersion() == 1).size() == 1);
        await("the audio is cached").atMost(WAIT).until(() -> files.requests().size() == 1);

        broker.stop();
        Instant end = plan.broadcasts().get(0).end();
        await("the broadcast is over").atMost(WAIT).until(() -> Instant.now().isAfter(end.plusSeconds(1)));
        broker.restart();
        ControllerStandIn after = controller();
        after.announceOnline(); // the agent may have reconnected before this subscribed: the announcement brings the receipts again

        await().atMost(WAIT).until(() -> after.received(Receipt.class, r -> r.state().isFinal()).size() >= 1);
        List<Receipt> receipts = after.received(Receipt.class);
        assertThat(receipts.stream().map(Receipt::id).distinct().count()).as("one started, one final").isEqualTo(2);
        assertThat(receipts).extracting(Receipt::state).contains(ReceiptState.STARTED, ReceiptState.FINISHED)
                .doesNotContain(ReceiptState.MISSED, ReceiptState.PARTLY_PLAYED, ReceiptState.FAILED);
        Receipt started = receipts.stream().filter(r -> r.state() == ReceiptState.STARTED).findFirst().orElseThrow();
        assertThat(Duration.between(started.plannedStart(), started.actualStart()).abs())
                .as("on time, by the station's own clock").isLessThan(Duration.ofMillis(100));
    }
}
