package vn.loa.controller.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.registry.AreaService;
import vn.loa.controller.registry.StationDraft;
import vn.loa.controller.registry.StationService;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.schedule.BulletinCatalog;
import vn.loa.controller.schedule.ScheduleDraft;
import vn.loa.controller.schedule.ScheduleService;
import vn.loa.controller.schedule.Targets;
import vn.loa.controller.store.Database;
import vn.loa.controller.testutil.MutableClock;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Plan;
import vn.loa.protocol.StationMessage;
import vn.loa.protocol.Zone;

class PlanDispatcherTest {
    private static final Instant NOW = LocalDateTime.parse("2026-11-24T05:00").atZone(BroadcastTime.ZONE).toInstant();
    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final List<StationMessage> sent = new CopyOnWriteArrayList<>();
    private Database database;
    private ScheduledExecutorService thread;
    private ScheduleService schedules;
    private PlanDispatcher plans;
    private StationService stations;
    private long commune;

    @BeforeEach
    void setUp() {
        database = Database.open(dir.resolve("loa.db"), clock);
        AreaService areas = new AreaService(database, clock);
        stations = new StationService(database, clock, areas, id -> { }, id -> { });
        Area province = areas.create(null, "Tỉnh", "P", AreaLevel.PROVINCE);
        commune = areas.create(province.id(), "Xã", "P-1", AreaLevel.COMMUNE).id();
        stations.create(new StationDraft("st-1", commune, "Cụm 1", null, null, false, List.of(new Zone(1, "Loa"))));
        BulletinCatalog catalog = id -> Optional.of(new BulletinCatalog.Entry(id, "Bản tin", BulletinClass.NORMAL,
                true, 60_000, new AudioRef("/audio/" + SHA, SHA, 1000, "wav")));
        schedules = new ScheduleService(database, clock, areas, stations, catalog);
        thread = Executors.newSingleThreadScheduledExecutor();
        plans = new PlanDispatcher(database, clock, schedules, message -> sent.add(message), thread,
                Duration.ofHours(48), Duration.ofSeconds(60), id -> true, () -> standby);
        schedules.onChange(plans::replanAll);
        plans.start(Duration.ofHours(1));
    }

    @AfterEach
    void tearDown() throws Exception {
        thread.shutdownNow();
        thread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        database.close();
    }

    private List<Plan> plansSent() {
        return sent.stream().filter(Plan.class::isInstance).map(Plan.class::cast).toList();
    }

    private void schedule(String start, String rrule) {
        schedules.create(new ScheduleDraft("bl-1", LocalDateTime.parse(start), rrule, null,
                new Targets(List.of(), List.of("st-1"), List.of())), "test");
    }

    private volatile List<AudioRef> standby = List.of();

    @Test
    void aNewScheduleSendsAVersionedPlanWithinTheHorizon() {
        await().until(() -> plansSent().size() == 1);
        assertThat(plansSent().get(0).broadcasts()).isEmpty();
        schedule("2026-11-24T06:30", "FREQ=DAILY");
        await().until(() -> plansSent().size() == 2);
        Plan plan = plansSent().get(1);
        assertThat(plan.version()).isEqualTo(2);
        assertThat(plan.broadcasts()).extracting(broadcast -> broadcast.start().atZone(BroadcastTime.ZONE)
                .toLocalDateTime().toString()).containsExactly("2026-11-24T06:30", "2026-11-25T06:30");
        assertThat(plan.broadcasts().get(0).broadcastId()).startsWith("sc-").endsWith("@2026-11-23T23:30:00Z");
        assertThat(plan.broadcasts().get(0).zones()).containsExactly(1);
    }

    @Test
    void plansCarryTheStandardMessagesAsStandbyAudioAndANewOneIsANewVersion() {
        await().until(() -> plansSent().size() == 1);
        AudioRef siren = new AudioRef("/audio/" + "b".repeat(64), "b".repeat(64), 2000, "wav");

        standby = List.of(siren);
        plans.replanAll();

        await().until(() -> plansSent().size() == 2);
        assertThat(plansSent().get(1).standby()).containsExactly(siren);
        assertThat(plansSent().get(1).version()).isEqualTo(plansSent().get(0).version() + 1);
    }

    @Test
    void aStationRegisteredAfterThePlansWereComputedGetsItsPlanOnItsFirstBirth() {
        await().until(() -> plansSent().size() == 1);
        stations.create(new StationDraft("st-2", commune, "Cụm 2", null, null, false, List.of(new Zone(1, "Loa"))));

        plans.stationOnline("st-2");

        await().until(() -> plansSent().stream().anyMatch(plan -> plan.station().equals("st-2")));
    }

    @Test
    void unchangedPlanIsNotResentButAReconnectingStationGetsItAgain() {
        schedule("2026-11-24T06:30", null);
        await().until(() -> plansSent().stream().anyMatch(plan -> !plan.broadcasts().isEmpty()));
        int count = plansSent().size();
        plans.replanAll();
        plans.stationOnline("st-1");
        await().until(() -> plansSent().size() == count + 1);
        Plan again = plansSent().get(count);
        assertThat(again.version()).isEqualTo(plansSent().get(count - 1).version());
    }

    @Test
    void acknowledgedPlanIsRecordedAndAnUnacknowledgedOneIsResent() {
        schedule("2026-11-24T06:30", null);
        await().until(() -> plansSent().stream().anyMatch(plan -> !plan.broadcasts().isEmpty()));
        long version = plansSent().get(plansSent().size() - 1).version();
        plans.planAcknowledged("st-1", version);
        await().until(() -> plans.state("st-1").map(PlanState::acknowledged).orElse(false));
        schedule("2026-11-24T08:00", null);
        await().until(() -> plans.state("st-1").orElseThrow().version() == version + 1);
        assertThat(plans.state("st-1").orElseThrow().acknowledged()).isFalse();
    }

    @Test
    void broadcastsInQuietHoursAreLeftOutOfThePlan() {
        schedules.setQuietHours(commune, LocalTime.of(21, 0), LocalTime.of(6, 0));
        schedule("2026-11-24T05:30", "FREQ=HOURLY;COUNT=3");
        await().until(() -> plansSent().stream().anyMatch(plan -> !plan.broadcasts().isEmpty()));
        Plan plan = plansSent().get(plansSent().size() - 1);
        assertThat(plan.broadcasts()).extracting(broadcast -> broadcast.start().atZone(BroadcastTime.ZONE)
                .toLocalTime().toString()).containsExactly("06:30", "07:30");
    }

    @Test
    void cancellingTheScheduleEmptiesThePlanWithANewVersion() {
        schedule("2026-11-24T06:30", null);
        await().until(() -> plansSent().stream().anyMatch(plan -> !plan.broadcasts().isEmpty()));
        String id = schedules.list().get(0).id();
        long version = plansSent().get(plansSent().size() - 1).version();
        schedules.cancel(id, "test");
        await().until(() -> plansSent().get(plansSent().size() - 1).version() == version + 1);
        assertThat(plansSent().get(plansSent().size() - 1).broadcasts()).isEmpty();
    }

    @Test
    void stationHoldingAHigherVersionThanKnownGetsANewerPlan() {
        schedule("2026-11-24T06:30", null);
        await().until(() -> plansSent().stream().anyMatch(plan -> !plan.broadcasts().isEmpty()));
        plans.planAcknowledged("st-1", 40);
        await().until(() -> plansSent().get(plansSent().size() - 1).version() == 41);
        assertThat(plansSent().get(plansSent().size() - 1).broadcasts()).hasSize(1);
    }
}
