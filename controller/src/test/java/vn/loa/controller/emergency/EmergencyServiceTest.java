package vn.loa.controller.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.audit.AuditFilter;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.schedule.Targets;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStage;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.StationMessage;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;

class EmergencyServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-23T04:00:00Z");
    private static final AudioRef SIREN = new AudioRef("/audio/" + "c".repeat(64), "c".repeat(64), 384_044, "wav");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final List<StationMessage> sent = new CopyOnWriteArrayList<>();
    private final Set<String> offline = new HashSet<>();
    private final List<String> ended = new CopyOnWriteArrayList<>();
    private Database database;
    private ScheduledExecutorService thread;
    private AuditLog audit;
    private EmergencyService service;

    @BeforeEach
    void start() {
        database = Database.open(dir.resolve("loa.db"), clock);
        thread = Executors.newSingleThreadScheduledExecutor();
        ApiJson json = new ApiJson(64 * 1024);
        audit = new AuditLog(database, clock, json.mapper());
        service = new EmergencyService(database, clock, audit, sent::add, station -> !offline.contains(station), thread, EmergencySettings.defaults(), json.mapper(),
                new EmergencyListener() {
                    @Override
                    public void changed(Announcement a, StationProgress station,
                                        java.util.function.Supplier<List<StationProgress>> stations) {
                    }

                    @Override
                    public void ended(Announcement a, List<StationProgress> stations) {
                        ended.add(a.id());
                    }
                });
        service.start();
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
        database.close();
    }

    private NewAnnouncement announcement(Map<String, Set<Integer>> reach, Set<String> whole, Duration validFor) {
        return new NewAnnouncement("Cảnh báo bão", "bl-siren", "standard:siren", SIREN, 12_000, 3, 4, 1_000,
                new Targets(List.of(), List.copyOf(reach.keySet()), List.of()), reach, whole, T0.plus(validFor), "api");
    }

    private Announcement trigger(String... stations) {
        Map<String, Set<Integer>> reach = new LinkedHashMap<>();
        for (String station : stations) {
            reach.put(station, Set.of(1, 2));
        }
        return service.create(announcement(reach, Set.of(stations[0]), Duration.ofMinutes(30)), "operator", false);
    }

    private StationStage stage(String id, String station) {
        return service.get(id).stations().stream().filter(s -> s.station().equals(station)).findFirst().orElseThrow()
                .stage();
    }

    private Receipt receipt(String id, String station, ReceiptState state, String reason) {
        return new Receipt("r-" + station + "-" + state + "-" + clock.instant().toEpochMilli(), clock.instant(),
                station, "emergency:" + id, "bl-siren", state, T0, state == ReceiptState.MISSED
                || state == ReceiptState.FAILED ? null : T0, null, List.of(1, 2), reason);
    }

    private List<String> sentTo(String type) {
        return sent.stream().filter(m -> m.type().equals(type)).map(StationMessage::station).toList();
    }

    private Emergency emergencyTo(String station) {
        return (Emergency) sent.stream().filter(m -> m instanceof Emergency && m.station().equals(station))
                .findFirst().orElseThrow();
    }

    @Test
    void aTriggerGoesStraightToEveryStationAndAnOfflineStationIsUnreachable() {
        offline.add("st-c");

        Announcement a = trigger("st-a", "st-b", "st-c");

        assertThat(sentTo("emergency")).as("st-c gets it when it comes back: a stop cannot overtake it then")
                .containsExactly("st-a", "st-b");
        assertThat(emergencyTo("st-a").emergencyId()).isEqualTo(a.id());
        assertThat(emergencyTo("st-a").zones()).as("a whole station: its own zones").isEmpty();
        assertThat(emergencyTo("st-b").zones()).containsExactly(1, 2);
        assertThat(stage(a.id(), "st-a")).isEqualTo(StationStage.SENT);
        assertThat(stage(a.id(), "st-c")).isEqualTo(StationStage.UNREACHABLE);
        assertThat(audit.read(new AuditFilter(null, null, null, "emergency.trigger", a.id(), 0, 10))).hasSize(1);
    }

    @Test
    void stagesOnlyMoveForwardWhateverTheOrderAndCopiesOfMessages() {
        Announcement a = trigger("st-a");

        service.receipt(receipt(a.id(), "st-a", ReceiptState.STARTED, null), clock.instant());
        service.progress(new EmergencyProgress("p1", clock.instant(), "st-a", a.id(), EmergencyStage.ZONES_ON,
                List.of(1, 2)), clock.instant());
        service.progress(new EmergencyProgress("p0", clock.instant(), "st-a", a.id(), EmergencyStage.RECEIVED,
                List.of()), clock.instant());
        assertThat(stage(a.id(), "st-a")).isEqualTo(StationStage.PLAYING);

        service.receipt(receipt(a.id(), "st-a", ReceiptState.FINISHED, null), clock.instant());
        service.receipt(receipt(a.id(), "st-a", ReceiptState.FAILED, "late copy"), clock.instant());

        await().until(() -> ended.contains(a.id()));
        assertThat(stage(a.id(), "st-a")).isEqualTo(StationStage.FINISHED);
        assertThat(service.get(a.id()).announcement().state()).isEqualTo(EmergencyState.ENDED);
        assertThat(audit.read(new AuditFilter(null, null, "system", "emergency.outcome", a.id(), 0, 10))).hasSize(1);
    }

    @Test
    void aStationBackOnlineGetsItAgainWhileValidAndAStationNeverReachedIsMissedAfterTheValidity() {
        offline.add("st-b");
        offline.add("st-c");
        Announcement a = trigger("st-a", "st-b", "st-c");

        service.progress(new EmergencyProgress("p0", clock.instant(), "st-a", a.id(), EmergencyStage.RECEIVED,
                List.of()), clock.instant());
        sent.clear();
        offline.remove("st-b");
        service.stationOnline("st-b");
        service.stationOnline("st-a");

        await().until(() -> sent.size() == 2);
        service.get(a.id()); // runs after both reconnects on the emergency thread
        assertThat(sentTo("emergency")).as("st-a had it, but a restart may have lost it")
                .containsExactly("st-b", "st-a");
        assertThat(stage(a.id(), "st-a")).as("a copy does not move it back").isEqualTo(StationStage.RECEIVED);
        assertThat(stage(a.id(), "st-b")).isEqualTo(StationStage.SENT);

        clock.advance(Duration.ofMinutes(31));
        await().until(() -> stage(a.id(), "st-c") == StationStage.MISSED);
        assertThat(service.get(a.id()).stations().get(2).reason()).contains("validity");
        service.stationOnline("st-c");
        service.get(a.id());
        assertThat(sent).as("too late to send").hasSize(2);
    }

    @Test
    void stopTellsEveryStationReportsTheCutOnesStoppedAndIsIdempotent() {
        Announcement a = trigger("st-a", "st-b");
        service.receipt(receipt(a.id(), "st-a", ReceiptState.STARTED, null), clock.instant());

        service.stop(a.id(), "operator");
        service.stop(a.id(), "operator");
        service.receipt(receipt(a.id(), "st-a", ReceiptState.PARTLY_PLAYED, "stopped"), clock.instant());
        service.get(a.id());
        assertThat(stage(a.id(), "st-b")).as("it may still report for a moment").isEqualTo(StationStage.SENT);
        clock.advance(Duration.ofSeconds(11));

        assertThat(sentTo("emergency-stop")).as("once, to every station").containsExactly("st-a", "st-b");
        assertThat(sent.stream().filter(m -> m instanceof EmergencyStop).map(m -> ((EmergencyStop) m).emergencyId()))
                .containsOnly(a.id());
        await().until(() -> ended.contains(a.id()));
        assertThat(stage(a.id(), "st-a")).isEqualTo(StationStage.STOPPED);
        assertThat(stage(a.id(), "st-b")).isEqualTo(StationStage.MISSED);
        assertThat(service.get(a.id()).announcement().state()).isEqualTo(EmergencyState.STOPPED);
        assertThat(audit.read(new AuditFilter(null, null, "operator", "emergency.stop", a.id(), 0, 10))).hasSize(1);
    }

    @Test
    void aStationThatNeverSaysMoreIsUnconfirmedLongAfterTheAnnouncementShouldHaveEnded() {
        Announcement a = trigger("st-a");
        service.progress(new EmergencyProgress("p0", clock.instant(), "st-a", a.id(), EmergencyStage.RECEIVED,
                List.of()), clock.instant());

        clock.advance(Duration.ofMinutes(40));

        await().until(() -> ended.contains(a.id()));
        assertThat(stage(a.id(), "st-a")).isEqualTo(StationStage.UNCONFIRMED);
    }

    @Test
    void aStationsOwnLateReportOverrulesWhatTheControllerDecidedWithoutIt() {
        Announcement a = trigger("st-a", "st-b");
        service.progress(new EmergencyProgress("p0", clock.instant(), "st-b", a.id(), EmergencyStage.RECEIVED,
                List.of()), clock.instant());
        clock.advance(Duration.ofMinutes(31));
        await().until(() -> stage(a.id(), "st-a") == StationStage.MISSED);

        service.receipt(receipt(a.id(), "st-a", ReceiptState.FINISHED, null), clock.instant());

        await().until(() -> stage(a.id(), "st-a") == StationStage.FINISHED);
    }

    @Test
    void aStationBackOnlineAfterAStopHearsTheStopAgainWhileTheAnnouncementIsValid() {
        Announcement a = trigger("st-a");
        service.receipt(receipt(a.id(), "st-a", ReceiptState.STARTED, null), clock.instant());
        service.stop(a.id(), "operator");
        service.receipt(receipt(a.id(), "st-a", ReceiptState.PARTLY_PLAYED, "stopped"), clock.instant());
        await().until(() -> ended.contains(a.id()));
        sent.clear();

        service.stationOnline("st-a");
        service.get(a.id());

        assertThat(sentTo("emergency-stop")).containsExactly("st-a");
        clock.advance(Duration.ofMinutes(31));
        service.get(a.id());
        await().until(() -> {
            sent.clear();
            service.stationOnline("st-a");
            service.get(a.id());
            return sent.isEmpty();
        });
    }

    @Test
    void aLargeAnnouncementIsOneSmallMessagePerStation() {
        List<String> stations = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            stations.add(String.format("st-%04d", i));
        }

        trigger(stations.toArray(String[]::new));

        assertThat(sentTo("emergency")).hasSize(2500).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownAnnouncementIsA404AndReportsAboutItAreIgnored() {
        service.progress(new EmergencyProgress("p0", clock.instant(), "st-a", "em-unknown", EmergencyStage.RECEIVED,
                List.of()), clock.instant());

        assertThatThrownBy(() -> service.get("em-unknown")).isInstanceOf(ApiException.class)
                .hasMessageContaining("em-unknown");
        assertThatThrownBy(() -> service.stop("em-unknown", "operator")).isInstanceOf(ApiException.class);
    }

    @Test
    void theAuditLogRefusesChangesAndDeletions() {
        trigger("st-a");

        assertThatThrownBy(() -> database.transaction(connection -> connection.createStatement()
                .executeUpdate("UPDATE audit_log SET actor = 'someone else'")))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> database.transaction(connection -> connection.createStatement()
                .executeUpdate("DELETE FROM audit_log")))
                .hasStackTraceContaining("append-only");
    }
}
