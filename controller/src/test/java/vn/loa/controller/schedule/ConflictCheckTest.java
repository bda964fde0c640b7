package vn.loa.controller.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.registry.Station;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Zone;

class ConflictCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant T = NOW;
    private final RegistrySnapshot registry = new RegistrySnapshot(
            List.of(new Station("st-1", 3, "A", null, null, List.of(new Zone(1, "a"), new Zone(2, "b")), T, T),
                    new Station("st-2", 3, "B", null, null, List.of(new Zone(1, "a")), T, T)),
            List.of(new Area(1, null, "P", "P", AreaLevel.PROVINCE, T, T),
                    new Area(3, 1L, "C", "C", AreaLevel.COMMUNE, T, T)));

    private static Schedule schedule(String id, String bulletin, BulletinClass type, String start, String rrule,
                                     Targets targets) {
        return new Schedule(id, bulletin, type, LocalDateTime.parse(start), rrule, null, targets, "active", NOW, "t",
                null);
    }

    private static Targets stations(String... ids) {
        return new Targets(List.of(), List.of(ids), List.of());
    }

    private void check(Schedule candidate, long duration, Schedule... existing) {
        Map<String, Long> durations = Map.of("b-old", 600_000L, "b-new", duration);
        ConflictCheck.check(candidate, duration, List.of(existing), durations, registry, NOW,
                NOW.plus(366, ChronoUnit.DAYS));
    }

    @Test
    void sameZoneSameTimeEqualClassIsAConflictNamingTheOtherSchedule() {
        Schedule old = schedule("sc-old", "b-old", BulletinClass.NORMAL, "2026-11-24T06:00", "FREQ=DAILY",
                stations("st-1"));
        Schedule candidate = schedule("sc-new", "b-new", BulletinClass.NORMAL, "2026-11-30T06:05", null,
                new Targets(List.of(), List.of(), List.of(new ZoneTarget("st-1", 2))));
        assertThatThrownBy(() -> check(candidate, 60_000, old)).isInstanceOf(ApiException.class)
                .hasMessageContaining("sc-old").hasMessageContaining("station st-1 zone 2")
                .hasMessageContaining("2026-11-30 06:05");
    }

    @Test
    void areaTargetCollidesWithAStationInIt() {
        Schedule old = schedule("sc-old", "b-old", BulletinClass.PRIORITY, "2026-11-24T06:00", null, stations("st-2"));
        Schedule candidate = schedule("sc-new", "b-new", BulletinClass.PRIORITY, "2026-11-24T06:09", null,
                new Targets(List.of(3L), List.of(), List.of()));
        assertThatThrownBy(() -> check(candidate, 60_000, old)).hasMessageContaining("sc-old");
    }

    @Test
    void higherClassDecidesSoThereIsNoConflict() {
        Schedule old = schedule("sc-old", "b-old", BulletinClass.NORMAL, "2026-11-24T06:00", null, stations("st-1"));
        Schedule candidate = schedule("sc-new", "b-new", BulletinClass.PRIORITY, "2026-11-24T06:05", null,
                stations("st-1"));
        assertThatCode(() -> check(candidate, 60_000, old)).doesNotThrowAnyException();
    }

    @Test
    void backToBackOrOtherZonesDoNotCollide() {
        Schedule old = schedule("sc-old", "b-old", BulletinClass.NORMAL, "2026-11-24T06:00", null,
                new Targets(List.of(), List.of(), List.of(new ZoneTarget("st-1", 1))));
        Schedule after = schedule("sc-new", "b-new", BulletinClass.NORMAL, "2026-11-24T06:10", null, stations("st-1"));
        Schedule otherZone = schedule("sc-new", "b-new", BulletinClass.NORMAL, "2026-11-24T06:05", null,
                new Targets(List.of(), List.of(), List.of(new ZoneTarget("st-1", 2))));
        assertThatCode(() -> check(after, 60_000, old)).doesNotThrowAnyException();
        assertThatCode(() -> check(otherZone, 60_000, old)).doesNotThrowAnyException();
    }

    @Test
    void occurrencesOverlappingEachOtherAreRefused() {
        Schedule hourly = schedule("sc-new", "b-new", BulletinClass.NORMAL, "2026-11-24T06:00", "FREQ=HOURLY",
                stations("st-1"));
        assertThatThrownBy(() -> check(hourly, 2 * 3_600_000L)).hasMessageContaining("overlap each other");
    }

    @Test
    void everySharedZoneIsListedWithItsFirstClashWhenAskedBeforeSaving() {
        Schedule daily = schedule("sc-daily", "b-old", BulletinClass.NORMAL, "2026-11-24T06:00", "FREQ=DAILY",
                stations("st-1"));
        Schedule once = schedule("sc-once", "b-old", BulletinClass.NORMAL, "2026-11-26T06:00", null, stations("st-2"));
        Schedule candidate = schedule("sc-new", "b-new", BulletinClass.NORMAL, "2026-11-25T06:05", "FREQ=DAILY",
                new Targets(List.of(3L), List.of(), List.of()));
        Map<String, Long> durations = Map.of("b-old", 600_000L, "b-new", 60_000L);

        List<Conflict> found = ConflictCheck.find(candidate, 60_000, List.of(daily, once), durations, registry, NOW,
                NOW.plus(366, ChronoUnit.DAYS), 100);

        LocalDateTime at25 = LocalDateTime.parse("2026-11-25T06:05");
        assertThat(found).containsExactly(
                new Conflict("sc-daily", "b-old", BulletinClass.NORMAL, "st-1", 1, at25),
                new Conflict("sc-daily", "b-old", BulletinClass.NORMAL, "st-1", 2, at25),
                new Conflict("sc-once", "b-old", BulletinClass.NORMAL, "st-2", 1,
                        LocalDateTime.parse("2026-11-26T06:05")));
        assertThat(ConflictCheck.find(candidate, 60_000, List.of(daily, once), durations, registry, NOW,
                NOW.plus(366, ChronoUnit.DAYS), 1)).hasSize(1);
    }

    @Test
    void unknownTargetIsA404() {
        Schedule candidate = schedule("sc-new", "b-new", BulletinClass.NORMAL, "2026-11-24T06:00", null,
                stations("st-9"));
        assertThatThrownBy(() -> check(candidate, 60_000)).isInstanceOf(ApiException.class)
                .hasMessageContaining("st-9");
    }
}
