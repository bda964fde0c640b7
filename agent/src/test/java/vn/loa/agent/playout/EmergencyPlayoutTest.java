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
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.agent.testutil.PlayoutHarness;
import vn.loa.agent.testutil.Plans;
import vn.loa.agent.testutil.RecordingRelayBoard.Switch;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStage;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.PlannedBroadcast;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;
import vn.loa.protocol.Zone;

class EmergencyPlayoutTest {
    private static final Instant T0 = Instant.parse("2026-11-23T04:00:00Z");
    private static final String STATION = PlayoutHarness.STATION;
    private static final List<Zone> ZONES = List.of(new Zone(1, "Loa trung tâm"), new Zone(2, "Thôn Đông"),
            new Zone(3, "Chợ"));
    private static final AudioRef NEWS = TestAudio.of("news", 1000).ref();
    private static final AudioRef SIREN = TestAudio.of("siren", 3000).ref();
    private static final String BROADCAST = "emergency:em-flood";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private PlayoutHarness harness;

    @BeforeEach
    void start() {
        harness = new PlayoutHarness(dir, clock, ZONES);
        harness.audio().ready(NEWS.sha256(), dir.resolve("news")).ready(SIREN.sha256(), dir.resolve("siren"));
        harness.start(PlayoutSettings.defaults());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    private Emergency flood(String station, List<Integer> zones, int repeat, Instant validUntil) {
        return new Emergency("m-" + clock.instant().toEpochMilli(), clock.instant(), station, "em-flood",
                "Cảnh báo lũ quét", "bl-siren", SIREN, 10_000, repeat, 4, validUntil, 1_000, zones);
    }

    private Emergency flood() {
        return flood(STATION, List.of(), 3, T0.plus(Duration.ofMinutes(30)));
    }

    private EmergencyStop stopFlood() {
        return new EmergencyStop("s-" + clock.instant().toEpochMilli(), clock.instant(), STATION, "em-flood",
                "stopped by the commune operator");
    }

    private List<ReceiptState> states(String broadcastId) {
        return harness.receiptsFor(broadcastId).stream().map(Receipt::state).toList();
    }

    private Receipt last(String broadcastId) {
        List<Receipt> receipts = harness.receiptsFor(broadcastId);
        return receipts.get(receipts.size() - 1);
    }

    private void playNews(int startSeconds, int durationSeconds) {
        PlannedBroadcast news = Plans.broadcast("news", at(startSeconds), Duration.ofSeconds(durationSeconds),
                BulletinClass.NORMAL, List.of(1, 2), NEWS);
        harness.offer(Plans.plan(STATION, 1, clock.instant(), news));
    }

    @Test
    void emergencyCutsTheNewsSwitchesEveryZoneOnAtOnceAndPlaysItsRepetitionsAfterTheWarmUp() {
        playNews(10, 600);
        harness.advanceTo(at(60));

        harness.emergency(flood());

        assertThat(harness.progress()).extracting(EmergencyProgress::stage)
                .as("zones on at once: no separate 'received'").containsExactly(EmergencyStage.ZONES_ON);
        assertThat(harness.progress().get(0).zonesOn()).containsExactly(1, 2, 3);
        assertThat(harness.relays().isOn(3)).as("zone 3 switched on at once").isTrue();
        assertThat(states("news")).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        assertThat(last("news").reason()).contains("emergency announcement em-flood");
        assertThat(last("news").actualEnd()).isEqualTo(at(60));

        harness.advanceTo(at(61));
        assertThat(harness.player().nowPlaying()).hasValueSatisfying(now ->
                assertThat(now.broadcastId()).isEqualTo(BROADCAST));
        assertThat(harness.receiptsFor(BROADCAST).get(0).actualStart()).isEqualTo(at(61));

        harness.advanceTo(at(80));
        assertThat(harness.player().nowPlaying()).as("second of three plays").isPresent();
        harness.advanceTo(at(120));

        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(last(BROADCAST).actualEnd()).isEqualTo(at(91));
        assertThat(last(BROADCAST).zonesOn()).containsExactly(1, 2, 3);
        assertThat(harness.receiptsFor("news")).as("the cut news is not played again").hasSize(2);
    }

    @Test
    void stopSwitchesTheZonesOffAtOnceAndTheStationReturnsToItsPlan() {
        playNews(100, 30);
        harness.emergency(flood());
        harness.advanceTo(at(5));

        harness.stopEmergency(stopFlood());

        assertThat(harness.player().nowPlaying()).isEmpty();
        assertThat(harness.relays().switches()).filteredOn(s -> !s.on())
                .extracting(Switch::at).containsOnly(at(5));
        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        assertThat(last(BROADCAST).reason()).isEqualTo("stopped by the commune operator");

        harness.advanceTo(at(140));
        assertThat(states("news")).as("the plan plays on").containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
    }

    @Test
    void theSameAnnouncementNeverPlaysTwiceAndOneForOtherStationsIsIgnored() {
        harness.emergency(flood("other-01", List.of(), 1, at(1800)));
        assertThat(harness.progress()).isEmpty();

        Emergency flood = flood();
        harness.emergency(flood);
        harness.emergency(flood);
        harness.advanceTo(at(200));
        harness.emergency(flood);
        harness.advanceTo(at(300));

        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(harness.progress()).extracting(EmergencyProgress::stage).containsExactly(EmergencyStage.ZONES_ON);
    }

    @Test
    void anAnnouncementArrivingAfterItsValidityIsMissedAndOneStoppedBeforeItArrivesNeverPlays() {
        harness.advanceTo(at(1900));
        harness.emergency(flood(STATION, List.of(), 3, at(1800)));

        assertThat(states(BROADCAST)).containsExactly(ReceiptState.MISSED);
        assertThat(last(BROADCAST).reason()).contains("too late to begin before its validity ended");
        assertThat(harness.relays().switches()).isEmpty();

        EmergencyStop stopFirst = new EmergencyStop("s-1", clock.instant(), STATION, "em-other", null);
        harness.stopEmergency(stopFirst);
        harness.emergency(new Emergency("m-2", clock.instant(), STATION, "em-other", null, "bl-siren", SIREN, 10_000,
                1, null, at(3600), 1_000, List.of()));
        harness.advanceTo(at(2000));
        assertThat(harness.receiptsFor("emergency:em-other")).isEmpty();
        assertThat(harness.relays().switches()).isEmpty();
    }

    @Test
    void zonesGoOnWhileTheUploadedAudioIsFetchedAndTheAudioPlaysOnceItIsHere() {
        harness.audio().missing(SIREN.sha256(), "audio still downloading (0 bytes so far)");
        harness.emergency(flood(STATION, List.of(2), 1, at(600)));

        assertThat(harness.relays().isOn(2)).isTrue();
        assertThat(harness.relays().isOn(1)).as("only the zone named").isFalse();
        assertThat(harness.audio().lastNeeds()).extracting(need -> need.audio().sha256()).first()
                .isEqualTo(SIREN.sha256());
        harness.advanceTo(at(4));
        assertThat(harness.player().nowPlaying()).isEmpty();

        harness.audio().ready(SIREN.sha256(), dir.resolve("siren"));
        harness.playout().audioReady(SIREN.sha256());
        harness.advanceTo(at(5));

        assertThat(harness.receiptsFor(BROADCAST).get(0).actualStart()).isEqualTo(at(4));
        harness.advanceTo(at(30));
        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(last(BROADCAST).zonesOn()).containsExactly(2);
    }

    @Test
    void audioThatNeverArrivesFailsTheAnnouncementWhenItsValidityEnds() {
        harness.audio().missing(SIREN.sha256(), "controller unreachable");
        harness.emergency(flood(STATION, List.of(), 1, at(120)));

        harness.advanceTo(at(200));

        assertThat(states(BROADCAST)).containsExactly(ReceiptState.FAILED);
        assertThat(last(BROADCAST).reason()).contains("controller unreachable");
        assertThat(harness.relays().isOn(1)).isFalse();
    }

    @Test
    void aNewPlanDuringAnAnnouncementDoesNotCancelIt() {
        harness.emergency(flood());
        harness.advanceTo(at(5));

        playNews(300, 30);
        harness.advanceTo(at(40));

        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
    }

    @Test
    void anAgentRestartedDuringAnAnnouncementPlaysItAgainFromTheBeginningWhileItIsValid() {
        harness.emergency(flood());
        harness.advanceTo(at(5));

        harness.restart(PlayoutSettings.defaults());
        harness.advanceTo(at(5.5));
        assertThat(harness.relays().isOn(1)).as("zones on again at once").isTrue();
        harness.advanceTo(at(7));

        assertThat(harness.player().nowPlaying()).hasValueSatisfying(now ->
                assertThat(now.broadcastId()).isEqualTo(BROADCAST));
        harness.advanceTo(at(60));
        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(last(BROADCAST).reason()).contains("again from the beginning");
    }

    @Test
    void anAnnouncementStillWarmingUpWhenTheAgentCrashesPlaysAfterTheRestart() {
        harness.emergency(flood());

        harness.crash(PlayoutSettings.defaults());
        harness.advanceTo(at(3));

        assertThat(harness.receiptsFor(BROADCAST)).extracting(Receipt::state).containsExactly(ReceiptState.STARTED);
        harness.advanceTo(at(60));
        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
    }

    @Test
    void aStoppedOrExpiredAnnouncementDoesNotComeBackAfterARestart() {
        harness.emergency(flood());
        harness.advanceTo(at(5));
        harness.stopEmergency(stopFlood());
        harness.emergency(new Emergency("m-9", clock.instant(), STATION, "em-short", null, "bl-siren", SIREN, 10_000,
                3, null, at(20), 1_000, List.of()));
        harness.advanceTo(at(10));

        harness.crash(PlayoutSettings.defaults());
        clock.set(at(25));
        harness.restart(PlayoutSettings.defaults());
        harness.advanceTo(at(60));

        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        assertThat(states("emergency:em-short")).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        assertThat(last("emergency:em-short").reason()).isEqualTo("agent restarted");
        assertThat(harness.player().nowPlaying()).isEmpty();
    }

    @Test
    void zonesWaitingForAudioThatDoesNotComeGoOffAndOnAgainWhenItArrives() {
        harness.audio().missing(SIREN.sha256(), "controller unreachable");
        harness.emergency(flood(STATION, List.of(1), 1, at(600)));
        assertThat(harness.relays().isOn(1)).isTrue();

        harness.advanceTo(at(40));
        assertThat(harness.relays().isOn(1)).as("no silent amplifiers for the whole validity").isFalse();

        harness.audio().ready(SIREN.sha256(), dir.resolve("siren"));
        harness.playout().audioReady(SIREN.sha256());
        harness.advanceTo(at(40.5));
        assertThat(harness.relays().isOn(1)).as("on again to warm up").isTrue();
        harness.advanceTo(at(80));

        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.FINISHED);
        assertThat(harness.receiptsFor(BROADCAST).get(0).actualStart()).isEqualTo(at(41));
    }

    @Test
    void aStopWhileARestartedAnnouncementWaitsToPlayAgainEndsIt() {
        harness.emergency(flood());
        harness.advanceTo(at(5));
        harness.audio().missing(SIREN.sha256(), "cache lost in the restart");

        harness.restart(PlayoutSettings.defaults());
        harness.stopEmergency(stopFlood());
        harness.advanceTo(at(60));

        assertThat(states(BROADCAST)).containsExactly(ReceiptState.STARTED, ReceiptState.PARTLY_PLAYED);
        assertThat(last(BROADCAST).reason()).isEqualTo("stopped by the commune operator");
    }
}
