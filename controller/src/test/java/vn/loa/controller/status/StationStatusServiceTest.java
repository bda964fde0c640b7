package vn.loa.controller.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.Birth;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.NowPlaying;
import vn.loa.protocol.Presence;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.StationStatus;
import vn.loa.protocol.Zone;

class StationStatusServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private StationStatusService service;

    @BeforeEach
    void setUp() {
        service = new StationStatusService(clock, 1000, Duration.ofSeconds(10));
        service.register("st-1");
    }

    @Test
    void birthBringsAStationOnlineWithWhatItReports() {
        assertThat(service.apply(birth(T0), T0)).isEqualTo(StationStatusService.Outcome.APPLIED);
        StationState state = service.get("st-1").orElseThrow();
        assertThat(state.presence()).isEqualTo(Presence.ONLINE);
        assertThat(state.agentVersion()).isEqualTo("1.0");
        assertThat(state.reportedZones()).containsExactly(new Zone(1, "Loa 1"));
        assertThat(state.lastSeen()).isEqualTo(T0);
    }

    @Test
    void aBirthOfALaterAgentRunForgetsWhatTheLastHeartbeatSaidWasPlayingButABirthOfTheSameRunDoesNot() {
        NowPlaying news = new NowPlaying("bc-1", "bl-1", "Bản tin sáng", T0);
        Heartbeat playing = new Heartbeat("h1", T0.plusSeconds(10), "st-1", 10, 100L, 0.1, 1L, 2L, 3L, 41.5,
                List.of(new RelayChannelState(1, true)), news, "board silent");
        service.apply(birth(T0), T0);
        service.apply(playing, T0.plusSeconds(10));

        service.apply(birth(T0.plusSeconds(20), T0), T0.plusSeconds(20));
        assertThat(service.get("st-1").orElseThrow().lastHeartbeat().playing())
                .as("the same run announced itself again (a controller came online)").isEqualTo(news);

        service.apply(birth(T0.plusSeconds(30)), T0.plusSeconds(30));
        Heartbeat kept = service.get("st-1").orElseThrow().lastHeartbeat();
        assertThat(kept.playing()).isNull();
        assertThat(kept.relays()).isEmpty();
        assertThat(kept.relayFault()).isNull();
        assertThat(kept.temperatureCelsius()).as("the readings stay").isEqualTo(41.5);
    }

    @Test
    void messageFromAnUnregisteredStationIsRefused() {
        Heartbeat heartbeat = heartbeat("st-9", "h1", T0, 5);
        assertThat(service.apply(heartbeat, T0)).isEqualTo(StationStatusService.Outcome.UNKNOWN_STATION);
        assertThat(service.get("st-9")).isEmpty();
    }

    @Test
    void duplicateAndOlderHeartbeatsAreIgnored() {
        Heartbeat first = heartbeat("st-1", "h1", T0.plusSeconds(10), 10);
        assertThat(service.apply(first, T0)).isEqualTo(StationStatusService.Outcome.APPLIED);
        assertThat(service.apply(first, T0)).isEqualTo(StationStatusService.Outcome.STALE);
        assertThat(service.apply(heartbeat("st-1", "h0", T0, 0), T0)).isEqualTo(StationStatusService.Outcome.STALE);
        assertThat(service.get("st-1").orElseThrow().uptimeSeconds()).isEqualTo(10);
    }

    @Test
    void heartbeatAfterTheAgentClockSteppedBackIsAcceptedWhenUptimeGrew() {
        service.apply(heartbeat("st-1", "h1", T0.plusSeconds(100), 10), T0);
        assertThat(service.apply(heartbeat("st-1", "h2", T0.plusSeconds(40), 40), T0))
                .isEqualTo(StationStatusService.Outcome.APPLIED);
        assertThat(service.get("st-1").orElseThrow().uptimeSeconds()).isEqualTo(40);
    }

    @Test
    void lastWillOfTheCurrentConnectionTakesTheStationOffline() {
        Instant connectedAt = T0;
        service.apply(status(Presence.ONLINE, connectedAt), T0);
        service.apply(birth(connectedAt.plusMillis(5)), T0);
        assertThat(service.apply(status(Presence.OFFLINE, connectedAt), T0.plusSeconds(30)))
                .isEqualTo(StationStatusService.Outcome.APPLIED);
        StationState state = service.get("st-1").orElseThrow();
        assertThat(state.presence()).isEqualTo(Presence.OFFLINE);
        assertThat(state.presenceSince()).isEqualTo(T0.plusSeconds(30));
        assertThat(state.uptimeSeconds()).isNull();
    }

    @Test
    void lateLastWillOfAnEarlierConnectionIsIgnored() {
        service.apply(status(Presence.ONLINE, T0.plusSeconds(60)), T0.plusSeconds(60));
        assertThat(service.apply(status(Presence.OFFLINE, T0), T0.plusSeconds(61)))
                .isEqualTo(StationStatusService.Outcome.STALE);
        assertThat(service.get("st-1").orElseThrow().presence()).isEqualTo(Presence.ONLINE);
    }

    @Test
    void duplicateOnlineAfterTheWillOfTheSameConnectionDoesNotReviveTheStation() {
        service.apply(status(Presence.ONLINE, T0), T0);
        service.apply(status(Presence.OFFLINE, T0), T0.plusSeconds(5));
        assertThat(service.apply(status(Presence.ONLINE, T0), T0.plusSeconds(6)))
                .isEqualTo(StationStatusService.Outcome.STALE);
        assertThat(service.get("st-1").orElseThrow().presence()).isEqualTo(Presence.OFFLINE);
    }

    @Test
    void silentStationGoesOfflineAfterThreeIntervalsAndTheGrace() {
        service.apply(birth(T0), T0);
        clock.advance(Duration.ofSeconds(3 * 30 + 10));
        service.checkSilence();
        assertThat(service.get("st-1").orElseThrow().presence()).isEqualTo(Presence.ONLINE);
        clock.advance(Duration.ofSeconds(1));
        service.checkSilence();
        StationState state = service.get("st-1").orElseThrow();
        assertThat(state.presence()).isEqualTo(Presence.OFFLINE);
        assertThat(state.presenceCause()).contains("silent");
    }

    @Test
    void batchCarriesChangedStatesHeartbeatsAndPresenceChangesOnce() {
        service.apply(birth(T0), T0);
        service.apply(heartbeat("st-1", "h1", T0.plusSeconds(1), 1), T0.plusSeconds(1));
        StatusBatch batch = service.takeBatch();
        assertThat(batch.states()).hasSize(1);
        assertThat(batch.heartbeats()).hasSize(1);
        assertThat(batch.presenceChanges()).extracting(PresenceChange::presence).containsExactly(Presence.ONLINE);
        assertThat(service.takeBatch().isEmpty()).isTrue();
    }

    @Test
    void restartStartsEveryStationOfflineUntilItSpeaks() {
        StationState wasOnline = StationState.unknown("st-1").withPresence(Presence.ONLINE, T0, "birth", T0);
        StationStatusService restarted = new StationStatusService(clock, 1000, Duration.ofSeconds(10));
        restarted.load(List.of("st-1"), List.of(wasOnline, StationState.unknown("st-retired")));
        assertThat(restarted.get("st-1").orElseThrow().presence()).isEqualTo(Presence.OFFLINE);
        assertThat(restarted.get("st-1").orElseThrow().presenceCause()).isEqualTo("controller restarted");
        assertThat(restarted.isRegistered("st-retired")).isFalse();
        assertThat(restarted.takeBatch().presenceChanges()).hasSize(1);
    }

    @Test
    void retiredStationIsNotRevivedByALateMessage() {
        service.retire("st-1");
        assertThat(service.apply(birth(T0), T0)).isEqualTo(StationStatusService.Outcome.UNKNOWN_STATION);
    }

    private static Birth birth(Instant at) {
        return birth(at, at);
    }

    private static Birth birth(Instant at, Instant agentStartedAt) {
        return new Birth("b-" + at.toEpochMilli(), at, "st-1", "1.0", List.of(new Zone(1, "Loa 1")), "Linux", "17",
                T0.minusSeconds(3600), agentStartedAt, 30);
    }

    private static Heartbeat heartbeat(String station, String id, Instant at, long uptime) {
        return new Heartbeat(id, at, station, uptime, 100L, 0.1, 1L, 2L, 3L, null, List.of(), null);
    }

    private static StationStatus status(Presence presence, Instant at) {
        return new StationStatus("s-" + presence + at.toEpochMilli(), at, "st-1", presence);
    }
}
