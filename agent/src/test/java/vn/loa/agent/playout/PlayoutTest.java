package vn.loa.agent.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.audio.AudioNeed;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.agent.testutil.PlayoutHarness;
import vn.loa.agent.testutil.Plans;
import vn.loa.agent.testutil.RecordingRelayBoard.Switch;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlannedBroadcast;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;
import vn.loa.protocol.Zone;

class PlayoutTest {
    private static final Instant T0 = Instant.parse("2026-11-23T04:00:00Z");
    private static final String STATION = PlayoutHarness.STATION;
    private static final List<Zone> ZONES = List.of(new Zone(1, "Loa trung tâm"), new Zone(2, "Thôn Đông"));
    private static final AudioRef NEWS = TestAudio.of("news", 1000).ref();
    private static final AudioRef WARNING = TestAudio.of("storm-warning", 2000).ref();

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private PlayoutHarness harness;

    @BeforeEach
    void start() {
        harness = new PlayoutHarness(dir, clock, ZONES);
        harness.audio().ready(NEWS.sha256(), dir.resolve("news")).ready(WARNING.sha256(), dir.resolve("warning"));
        harness.start(PlayoutSettings.defaults());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static PlannedBroadcast broadcast(String id, int startSeconds, int durationSeconds, BulletinClass kind,
                                              List<Integer> zones, AudioRef audio) {
        return Plans.broadcast(id, at(startSeconds), Duration.ofSeconds(durationSeconds), kind, zones, audio);
    }

    private void play(long version, PlannedBroadcast... broadcasts) {
        harness.offer(Plans.plan(STATION, version, clock.instant(), broadcasts));
    }

    private List<ReceiptState> states(String broadcastId) {
        return harness.receiptsFor(broadcastId).stream().map(Receipt::state).toList();
    }

    private Receipt last(String broadcastId) {
        List<Receipt> receipts = harness.receiptsFor(broadcastId);
        return receipts.get(receipts.size() - 1);
    }

    @Test
    void aNewerPlanIsHeldAndAcknowledgedWhileDuplicatesAndOlderOnesAreAnsweredWithTheVersionHeld() {
        Plan second = Plans.plan(STATION, 2, T0, broadcast("b1", 600, 30, BulletinClass.NORMAL, List.of(1), NEWS));

        harness.offer(second);
        harness.offer(second);
        harness.offer(Plans.plan(STATION, 1, T0, broadcast("old", 300, 30, BulletinClass.NORMAL, List.of(1), NEWS)));
        harness.offer(Plans.plan("other-station", 9, T0));

        assertThat(harness.acks()).containsExactly(2L, 2L, 2L);
        assertThat(harness.playout().heldVersion()).isEqualTo(2);
        harness.advanceTo(at(400));
        assertThat(harness.receiptsFor("old")).as("the older plan was not applied").isEmpty();

        harness.restart(PlayoutSettings.defaults());

        assertThat(harness.playout().heldVersion()).as("the plan survives a restart").isEqualTo(2);
        harness.advanceTo(at(700));
        assertThat(states("b1")).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
    }

    @Test
    void zonesGoOnAtWarmUpBeforeTheAudioAndOffAtHoldAfterIt() {
        play(1, broadcast("b1", 60, 30, BulletinClass.NORMAL, List.of(1, 2), NEWS));

        harness.advanceTo(at(75));
        assertThat(harness.player().nowPlaying()).hasValueSatisfying(now -> {
            assertThat(now.broadcastId()).isEqualTo("b1");
            assertThat(now.startedAt()).isEqualTo(at(60));
        });
        harness.advanceTo(at(120));

        assertThat(harness.relays().switches()).containsExactly(
                new Switch(at(57), 1, true), new Switch(at(57), 2, true),
                new Switch(at(92), 1, false), new Switch(at(92), 2, false));
        List<Receipt> receipts = harness.receiptsFor("b1");
        assertThat(receipts).extracting(Receipt::state).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(receipts.get(0).actualStart()).isEqualTo(at(60));
        assertThat(receipts.get(0).plannedStart()).isEqualTo(at(60));
        assertThat(receipts.get(0).zonesOn()).containsExactly(1, 2);
        assertThat(receipts.get(1).actualStart()).isEqualTo(at(60));
        assertThat(receipts.get(1).actualEnd()).isEqualTo(at(90));
        assertThat(receipts.get(1).reason()).isNull();
        assertThat(receipts).extracting(Receipt::id).doesNotHaveDuplicates();
        assertThat(harness.player().nowPlaying()).isEmpty();
    }

    @Test
    void emergencyInterruptsScheduledBulletinWhichIsReportedPartlyPlayed() {
        play(1, broadcast("morning-news", 60, 600, BulletinClass.NORMAL, List.of(1), NEWS),
                broadcast("storm", 120, 30, BulletinClass.EMERGENCY, List.of(1, 2), WARNING));

        harness.advanceTo(at(200));

        assertThat(states("morning-news")).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        Receipt cut = last("morning-news");
        assertThat(cut.actualStart()).isEqualTo(at(60));
        assertThat(cut.actualEnd()).isEqualTo(at(120));
        assertThat(cut.reason()).isEqualTo("interrupted by emergency broadcast storm");
        assertThat(states("storm")).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(harness.receiptsFor("storm").get(0).actualStart()).isEqualTo(at(120));
        assertThat(last("storm").actualEnd()).isEqualTo(at(150));
        assertThat(harness.relays().switches()).containsExactly(
                new Switch(at(57), 1, true), new Switch(at(117), 2, true),
                new Switch(at(152), 1, false), new Switch(at(152), 2, false));
    }

    @Test
    void aBroadcastOverlappingOneOfEqualClassWaitsForItWhileWithinTheTolerance() {
        play(1, broadcast("first", 60, 30, BulletinClass.NORMAL, List.of(1), NEWS),
                broadcast("second", 70, 10, BulletinClass.NORMAL, List.of(1), NEWS));

        harness.advanceTo(at(200));

        assertThat(states("first")).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(states("second")).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(harness.receiptsFor("second").get(0).actualStart()).as("right after the first, zone 1 still warm")
                .isEqualTo(at(90));
        assertThat(harness.relays().switches()).containsExactly(new Switch(at(57), 1, true), new Switch(at(102), 1, false));
    }

    @Test
    void aBroadcastHeldUpPastTheToleranceIsMissedNeverPlayedLate() {
        play(1, broadcast("priority", 60, 300, BulletinClass.PRIORITY, List.of(1), WARNING),
                broadcast("normal", 70, 10, BulletinClass.NORMAL, List.of(2), NEWS));

        harness.advanceTo(at(500));

        assertThat(states("normal")).containsExactly(ReceiptState.MISSED);
        Receipt missed = last("normal");
        assertThat(missed.reason()).isEqualTo(
                "overlapped by priority broadcast priority, still playing when the late tolerance of 60 s ran out");
        assertThat(missed.actualStart()).isNull();
        assertThat(missed.timestamp()).isAfter(at(130)).isBefore(at(131));
        assertThat(states("priority")).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(harness.relays().switches()).noneMatch(s -> s.channel() == 2);
    }

    @Test
    void aStartPastTheToleranceIsMissedButALatePlanWithinItPlaysAfterTheWarmUp() {
        clock.set(at(300));
        play(1, broadcast("long-ago", 100, 30, BulletinClass.NORMAL, List.of(1), NEWS),
                broadcast("just-now", 280, 30, BulletinClass.NORMAL, List.of(1), NEWS));

        harness.advanceTo(at(400));

        assertThat(states("long-ago")).containsExactly(ReceiptState.MISSED);
        assertThat(last("long-ago").reason()).isEqualTo("the plan reached the station after the planned start");
        assertThat(states("just-now")).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(harness.receiptsFor("just-now").get(0).actualStart()).isEqualTo(at(303));
    }

    @Test
    void audioStillMissingWhenTheToleranceRunsOutFailsWithTheDownloadProblemAndNothingPlays() {
        harness.audio().missing(WARNING.sha256(), "audio checksum mismatch (expected aa, got bb)");
        play(1, broadcast("storm", 60, 30, BulletinClass.EMERGENCY, List.of(1), WARNING));

        harness.advanceTo(at(300));

        assertThat(states("storm")).containsExactly(ReceiptState.FAILED);
        assertThat(last("storm").reason()).isEqualTo("audio not available: audio checksum mismatch (expected aa, got bb)");
        assertThat(last("storm").timestamp()).isAfter(at(120)).isBefore(at(121));
        assertThat(harness.relays().switches()).as("no relay for audio that cannot play").isEmpty();
    }

    @Test
    void audioArrivingWithinTheTolerancePlaysAsSoonAsItsZonesAreWarm() {
        harness.audio().missing(WARNING.sha256(), "audio not downloaded yet");
        play(1, broadcast("storm", 60, 30, BulletinClass.EMERGENCY, List.of(1), WARNING));
        harness.advanceTo(at(65));

        harness.audio().ready(WARNING.sha256(), dir.resolve("warning"));
        harness.playout().audioReady(WARNING.sha256());
        harness.advanceTo(at(200));

        assertThat(states("storm")).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(harness.receiptsFor("storm").get(0).actualStart()).isEqualTo(at(68));
    }

    @Test
    void aBroadcastOnZonesTheStationDoesNotHaveFailsAtItsStart() {
        play(1, broadcast("elsewhere", 60, 30, BulletinClass.NORMAL, List.of(7, 8), NEWS));

        harness.advanceTo(at(61));

        assertThat(states("elsewhere")).containsExactly(ReceiptState.FAILED);
        assertThat(last("elsewhere").reason()).isEqualTo("none of its zones [7, 8] exist at this station");
    }

    @Test
    void aNewPlanWithoutThePlayingBroadcastStopsIt() {
        play(1, broadcast("b1", 60, 600, BulletinClass.NORMAL, List.of(1), NEWS));
        harness.advanceTo(at(100));

        play(2, broadcast("b2", 900, 30, BulletinClass.NORMAL, List.of(1), NEWS));
        harness.advanceTo(at(200));

        assertThat(states("b1")).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        assertThat(last("b1").reason()).isEqualTo("cancelled: not in plan version 2");
        assertThat(last("b1").actualEnd()).isEqualTo(at(100));
        assertThat(harness.player().nowPlaying()).isEmpty();
        assertThat(harness.relays().isOn(1)).isFalse();
    }

    @Test
    void aBroadcastKeptInANewPlanIsNeitherInterruptedNorStartedAgain() {
        PlannedBroadcast b1 = broadcast("b1", 60, 120, BulletinClass.NORMAL, List.of(1), NEWS);
        play(1, b1);
        harness.advanceTo(at(100));

        play(2, b1, broadcast("b2", 900, 30, BulletinClass.NORMAL, List.of(1), NEWS));
        harness.advanceTo(at(300));

        assertThat(states("b1")).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
    }

    @Test
    void theAudioSourceLearnsWhatThePlanStillNeedsSoonestFirst() {
        play(1, broadcast("later", 600, 30, BulletinClass.NORMAL, List.of(1), NEWS),
                broadcast("sooner", 60, 30, BulletinClass.NORMAL, List.of(1), WARNING));

        assertThat(harness.audio().lastNeeds()).extracting(AudioNeed::sha256).containsExactly(WARNING.sha256(),
                NEWS.sha256());

        harness.advanceTo(at(200));

        assertThat(harness.audio().lastNeeds()).extracting(AudioNeed::sha256).containsExactly(NEWS.sha256());
    }

    @Test
    void theStandardEmergencyMessagesOfThePlanAreNeededAfterEverythingElseAndAlways() {
        AudioRef siren = TestAudio.of("siren", 3000).ref();
        Plan plan = Plans.plan(STATION, 1, clock.instant(), broadcast("b1", 60, 30, BulletinClass.NORMAL, List.of(1),
                NEWS));
        harness.offer(new Plan(plan.id(), plan.timestamp(), plan.station(), plan.version(), plan.from(), plan.until(),
                plan.broadcasts(), List.of(siren)));

        assertThat(harness.audio().lastNeeds()).extracting(AudioNeed::sha256)
                .containsExactly(NEWS.sha256(), siren.sha256());

        harness.advanceTo(at(200));

        assertThat(harness.audio().lastNeeds()).extracting(AudioNeed::sha256).containsExactly(siren.sha256());
    }
}
