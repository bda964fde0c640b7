package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.link.LastWill;
import vn.loa.agent.testutil.FakeBrokerLink;
import vn.loa.agent.testutil.FakeBrokerLink.Published;
import vn.loa.agent.testutil.FakeSystemProbe;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.Birth;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStage;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.ControllerStatus;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlanAck;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.StationStatus;
import vn.loa.protocol.Topics;
import vn.loa.protocol.Zone;

class StationAgentTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Topics TOPICS = Topics.withDefaultRoot();
    private static final String STATUS = "loa/v1/stations/demo-01/status";
    private static final String COMMANDS = "loa/v1/stations/demo-01/commands";
    private static final List<Zone> ZONES = List.of(new Zone(1, "Loa trung tâm"), new Zone(2, "Thôn Đông"));

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.at("2026-11-23T04:00:00Z");
    private final FakeBrokerLink link = new FakeBrokerLink();
    private final FakeSystemProbe probe = new FakeSystemProbe().bootTime(Instant.parse("2026-11-20T01:02:03Z"));
    private final MessageCodec codec = new MessageCodec();
    private StationAgent agent;

    private StationAgent start(int heartbeatSeconds) {
        AgentConfig config = AgentConfig.of("demo-01", "tcp://fake-broker.invalid:1883", dataDir.resolve("data"))
                .withZones(ZONES).withHeartbeatSeconds(heartbeatSeconds).withReconnect(10, 1);
        agent = StationAgent.start(config, clock, link, probe);
        return agent;
    }

    @AfterEach
    void closeAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    private List<Birth> births() {
        return link.published(m -> m instanceof Birth).stream().map(p -> (Birth) p.message()).toList();
    }

    private List<Published> statuses(Presence state) {
        return link.published(m -> m instanceof StationStatus s && s.state() == state);
    }

    private byte[] controllerStatus(String id, Presence state) {
        return codec.encode(new ControllerStatus(id, clock.instant(), state));
    }

    @Test
    void lastWillIsTheRetainedOfflineStatus() {
        start(3600);
        await().atMost(WAIT).until(() -> link.connects() == 1);

        LastWill will = link.wills().get(0);

        assertThat(will.topic()).isEqualTo(STATUS);
        assertThat(will.qos()).isEqualTo(1);
        assertThat(will.retained()).isTrue();
        assertThat(codec.decode(will.payload())).isInstanceOfSatisfying(vn.loa.protocol.Decoded.Ok.class, ok ->
                assertThat(ok.message()).isInstanceOfSatisfying(StationStatus.class, status -> {
                    assertThat(status.state()).isEqualTo(Presence.OFFLINE);
                    assertThat(status.station()).isEqualTo("demo-01");
                    assertThat(status.timestamp()).isEqualTo(clock.instant());
                }));
    }

    @Test
    void onConnectItSubscribesThenPublishesRetainedOnlineAndABirthWithItsZones() {
        start(3600);
        await().atMost(WAIT).until(() -> births().size() == 1);

        assertThat(link.subscriptions()).containsExactly(
                new FakeBrokerLink.Subscription(COMMANDS, 1, 1),
                new FakeBrokerLink.Subscription(TOPICS.controllerStatus(), 1, 1));
        Published online = statuses(Presence.ONLINE).get(0);
        assertThat(online.topic()).isEqualTo(STATUS);
        assertThat(online.retained()).isTrue();
        assertThat(online.qos()).isEqualTo(1);
        assertThat(link.published().indexOf(online)).as("online before birth")
                .isLessThan(link.published().indexOf(link.published(m -> m instanceof Birth).get(0)));

        Published birthMessage = link.published(m -> m instanceof Birth).get(0);
        assertThat(birthMessage.topic()).isEqualTo("loa/v1/stations/demo-01/birth");
        assertThat(birthMessage.retained()).isFalse();
        assertThat(birthMessage.qos()).isEqualTo(1);
        Birth birth = births().get(0);
        assertThat(birth.station()).isEqualTo("demo-01");
        assertThat(birth.zones()).isEqualTo(ZONES);
        assertThat(birth.heartbeatSeconds()).isEqualTo(3600);
        assertThat(birth.bootTime()).isEqualTo(Instant.parse("2026-11-20T01:02:03Z"));
        assertThat(birth.agentStartedAt()).isEqualTo(clock.instant());
        assertThat(birth.os()).isEqualTo("Linux 6.1.0-test aarch64");
        assertThat(birth.javaVersion()).isEqualTo("17.0.15+6");
        assertThat(birth.agentVersion()).isEqualTo("dev");
        assertThat(agent.isConnected()).isTrue();
        assertThat(agent.stationId()).isEqualTo("demo-01");
    }

    @Test
    void aReconnectSubscribesAndAnnouncesAgainWithAFreshWill() {
        start(3600);
        await().atMost(WAIT).until(() -> births().size() == 1);

        link.dropLink();

        await().atMost(WAIT).until(() -> births().size() == 2);
        assertThat(link.connects()).isEqualTo(2);
        assertThat(statuses(Presence.ONLINE)).hasSize(2);
        assertThat(link.subscriptions()).filteredOn(s -> s.connectNumber() == 2)
                .extracting(FakeBrokerLink.Subscription::filter)
                .containsExactly(COMMANDS, TOPICS.controllerStatus());
        assertThat(births().get(0).id()).isNotEqualTo(births().get(1).id());
        List<LastWill> wills = link.wills();
        assertThat(new String(wills.get(0).payload(), StandardCharsets.UTF_8))
                .isNotEqualTo(new String(wills.get(1).payload(), StandardCharsets.UTF_8));
    }

    @Test
    void aBrokerThatIsNotUpYetIsRetried() {
        link.refuseConnects(3);
        start(3600);

        await().atMost(WAIT).until(() -> births().size() == 1);

        assertThat(link.connectAttempts()).isEqualTo(4);
        assertThat(link.connects()).isEqualTo(1);
    }

    @Test
    void aControllerComingOnlineWithANewIdGetsABirthButTheSameIdAgainDoesNot() {
        start(3600);
        await().atMost(WAIT).until(() -> births().size() == 1);

        link.deliver(TOPICS.controllerStatus(), controllerStatus("controller-run-1", Presence.ONLINE));
        await().atMost(WAIT).until(() -> births().size() == 2);

        link.deliver(TOPICS.controllerStatus(), controllerStatus("controller-run-1", Presence.ONLINE));
        link.deliver(TOPICS.controllerStatus(), controllerStatus("controller-run-1-offline", Presence.OFFLINE));
        link.deliver(TOPICS.controllerStatus(), "not json".getBytes(StandardCharsets.UTF_8));
        link.deliver(TOPICS.controllerStatus(), new byte[0]);
        // messages are handled in order on the agent's thread: once this one's birth is out, the
        // ones before it have been handled
        link.deliver(TOPICS.controllerStatus(), controllerStatus("controller-run-2", Presence.ONLINE));

        await().atMost(WAIT).until(() -> births().size() >= 3);
        assertThat(births()).hasSize(3);
    }

    @Test
    void garbageOnTheCommandsTopicIsDroppedWithoutThrowing() {
        start(3600);
        await().atMost(WAIT).until(() -> births().size() == 1);

        assertThatCode(() -> {
            link.deliver(COMMANDS, "{\"v\":1,\"type\":\"play\",\"id\":\"c1\"}".getBytes(StandardCharsets.UTF_8));
            link.deliver(COMMANDS, new byte[] {(byte) 0xff, 0x00, 0x7b});
            link.deliver(COMMANDS, new byte[0]);
            link.deliver(COMMANDS, codec.encode(new ControllerStatus("x", clock.instant(), Presence.ONLINE)));
        }).doesNotThrowAnyException();

        link.deliver(TOPICS.controllerStatus(), controllerStatus("controller-run-1", Presence.ONLINE));
        await("the agent still works").atMost(WAIT).until(() -> births().size() == 2);
    }

    @Test
    void heartbeatsFollowTheConnectAndReflectTheRelays() {
        start(1);
        await().atMost(WAIT).until(() -> link.published(m -> m instanceof Heartbeat).size() >= 1);
        agent.relays().set(2, true);

        await().atMost(WAIT).until(() -> link.published(m -> m instanceof Heartbeat h
                && h.relays().contains(new RelayChannelState(2, true))).size() >= 1);

        Published heartbeat = link.published(m -> m instanceof Heartbeat).get(0);
        assertThat(heartbeat.topic()).isEqualTo("loa/v1/stations/demo-01/heartbeat");
        assertThat(heartbeat.qos()).isZero();
        assertThat(heartbeat.retained()).isFalse();
        assertThat(link.published().indexOf(heartbeat)).as("heartbeat after birth")
                .isGreaterThan(link.published().indexOf(link.published(m -> m instanceof Birth).get(0)));
    }

    @Test
    void noHeartbeatsWhileDisconnected() {
        start(1);
        await().atMost(WAIT).until(() -> link.published(m -> m instanceof Heartbeat).size() >= 1);
        link.refuseConnects(Integer.MAX_VALUE);
        link.dropLink();
        int before = link.published(m -> m instanceof Heartbeat).size();

        await().during(Duration.ofMillis(2500)).atMost(WAIT)
                .until(() -> link.published(m -> m instanceof Heartbeat).size() == before);
        assertThat(agent.isConnected()).isFalse();
    }

    @Test
    void closeSwitchesRelaysOffPublishesRetainedOfflineAndIsIdempotent() {
        start(3600);
        await().atMost(WAIT).until(() -> births().size() == 1);
        agent.relays().set(1, true);

        agent.close();
        agent.close();

        List<Published> all = link.published();
        Published last = all.get(all.size() - 1);
        assertThat(last.topic()).isEqualTo(STATUS);
        assertThat(last.retained()).isTrue();
        assertThat(last.qos()).isEqualTo(1);
        assertThat(last.message()).isInstanceOfSatisfying(StationStatus.class,
                status -> assertThat(status.state()).isEqualTo(Presence.OFFLINE));
        assertThat(agent.relays().state()).extracting(RelayChannelState::on).containsOnly(false);
        assertThat(link.isClosed()).isTrue();
        assertThat(agent.isConnected()).isFalse();
    }

    @Test
    void closeWhileTheBrokerIsUnreachableIsQuick() {
        link.refuseConnects(Integer.MAX_VALUE);
        start(3600);
        await().atMost(WAIT).until(() -> link.connectAttempts() >= 2);

        long startedNanos = System.nanoTime();
        agent.close();

        assertThat(Duration.ofNanos(System.nanoTime() - startedNanos)).isLessThan(Duration.ofSeconds(3));
        assertThat(statuses(Presence.OFFLINE)).isEmpty();
        assertThat(link.isClosed()).isTrue();
    }

    @Test
    void aPlanIsHeldAndAcknowledgedOnTheReportsTopicAndAnOlderOneGetsTheVersionHeld() {
        start(3600);
        await().atMost(WAIT).until(() -> planAcks().size() == 1);
        assertThat(planAcks().get(0).planVersion()).as("on connect: nothing held yet").isZero();

        link.deliver(COMMANDS, codec.encode(new Plan("p3", clock.instant(), "demo-01", 3, clock.instant(),
                clock.instant().plus(Duration.ofDays(2)), List.of())));
        link.deliver(COMMANDS, codec.encode(new Plan("p2", clock.instant(), "demo-01", 2, clock.instant(),
                clock.instant().plus(Duration.ofDays(2)), List.of())));

        await().atMost(WAIT).until(() -> planAcks().size() == 3);
        assertThat(planAcks()).extracting(PlanAck::planVersion).containsExactly(0L, 3L, 3L);
        Published ack = link.published(m -> m instanceof PlanAck).get(1);
        assertThat(ack.topic()).isEqualTo("loa/v1/stations/demo-01/reports");
        assertThat(ack.qos()).isEqualTo(1);
        assertThat(agent.planVersion()).isEqualTo(3);

        link.dropLink();
        await().atMost(WAIT).until(() -> planAcks().size() == 4);
        assertThat(planAcks().get(3).planVersion()).as("every connect says what is held").isEqualTo(3);
    }

    @Test
    void aPlanForAnotherStationIsDropped() {
        start(3600);
        await().atMost(WAIT).until(() -> planAcks().size() == 1);

        link.deliver(COMMANDS, codec.encode(new Plan("p9", clock.instant(), "demo-02", 9, clock.instant(),
                clock.instant().plus(Duration.ofDays(2)), List.of())));
        link.deliver(TOPICS.controllerStatus(), controllerStatus("controller-run-1", Presence.ONLINE));

        await().atMost(WAIT).until(() -> births().size() == 2);
        assertThat(planAcks()).hasSize(1);
        assertThat(agent.planVersion()).isZero();
    }

    @Test
    void anEmergencySwitchesTheZonesOnAndIsConfirmedAndAStopEndsIt() {
        start(3600);
        await().atMost(WAIT).until(() -> births().size() == 1);
        AudioRef siren = new AudioRef("/audio/" + "a".repeat(64), "a".repeat(64), 1000, "wav");

        link.deliver(COMMANDS, codec.encode(new Emergency("m0", clock.instant(), "demo-02", "em-other", null,
                "bl-siren", siren, 10_000, 3, 5, clock.instant().plus(Duration.ofMinutes(30)), 1_000, List.of())));
        link.deliver(COMMANDS, codec.encode(new Emergency("m1", clock.instant(), "demo-01", "em-storm", "Bão số 9",
                "bl-siren", siren, 10_000, 3, 5, clock.instant().plus(Duration.ofMinutes(30)), 1_000, List.of(2))));

        await().atMost(WAIT).until(() -> progress().size() == 1);
        assertThat(progress()).extracting(EmergencyProgress::stage).containsExactly(EmergencyStage.ZONES_ON);
        assertThat(progress().get(0).emergencyId()).as("not the one for another station").isEqualTo("em-storm");
        assertThat(progress().get(0).zonesOn()).containsExactly(2);
        assertThat(link.published(m -> m instanceof EmergencyProgress).get(0).topic())
                .isEqualTo("loa/v1/stations/demo-01/reports");
        assertThat(agent.relays().state()).contains(new RelayChannelState(2, true), new RelayChannelState(1, false));

        link.deliver(COMMANDS, codec.encode(new EmergencyStop("s1", clock.instant(), "demo-01", "em-storm", null)));

        await().atMost(WAIT).until(() -> agent.relays().state().contains(new RelayChannelState(2, false)));
    }

    @Test
    void aControllerComingOnlineGetsTheUnacknowledgedReceiptsAgainAtOnce() {
        start(3600);
        await().atMost(WAIT).until(() -> births().size() == 1);
        AudioRef missing = new AudioRef("/audio/" + "b".repeat(64), "b".repeat(64), 1000, "wav");
        link.deliver(COMMANDS, codec.encode(new Emergency("m1", clock.instant(), "demo-01", "em-test", null,
                "bl-test", missing, 10_000, 3, 5, clock.instant().plus(Duration.ofMinutes(30)), 1_000, List.of(1))));
        link.deliver(COMMANDS, codec.encode(new EmergencyStop("s1", clock.instant(), "demo-01", "em-test", null)));
        await().atMost(WAIT).until(() -> !receipts().isEmpty());
        List<String> first = receipts().stream().map(Receipt::id).distinct().toList();
        int sent = receipts().size();

        // the clock stands still: the periodic re-send is not due, only the controller's arrival sends them
        link.deliver(TOPICS.controllerStatus(), controllerStatus("controller-run-2", Presence.ONLINE));

        await().atMost(WAIT).until(() -> receipts().size() >= sent + first.size());
        assertThat(receipts().subList(sent, receipts().size())).extracting(Receipt::id)
                .as("the same receipts, same ids").containsExactlyInAnyOrderElementsOf(first);
    }

    private List<Receipt> receipts() {
        return link.published(m -> m instanceof Receipt).stream().map(p -> (Receipt) p.message()).toList();
    }

    private List<EmergencyProgress> progress() {
        return link.published(m -> m instanceof EmergencyProgress).stream()
                .map(p -> (EmergencyProgress) p.message()).toList();
    }

    private List<PlanAck> planAcks() {
        return link.published(m -> m instanceof PlanAck).stream().map(p -> (PlanAck) p.message()).toList();
    }

    @Test
    void createsItsDataDirectory() {
        start(3600);

        assertThat(dataDir.resolve("data")).isDirectory();
    }
}
