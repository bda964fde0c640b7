package vn.loa.controller.schedule;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.registry.AreaService;
import vn.loa.controller.registry.StationService;
import vn.loa.controller.store.Database;

/**
 * Schedules and quiet hours: creation with every check (approved bulletin, known targets, valid
 * rule, no conflict), cancellation, and the inputs the planner needs. Calls {@code onChange} after
 * every change so plans are re-sent.
 */
public final class ScheduleService {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);
    /** How far ahead of a schedule's first occurrence (or now) conflicts are looked for. */
    static final Duration CONFLICT_HORIZON = Duration.ofDays(366);
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final Database database;
    private final Clock clock;
    private final AreaService areas;
    private final StationService stations;
    private final BulletinCatalog bulletins;
    private final ScheduleRepository repository = new ScheduleRepository();
    private final SecureRandom random = new SecureRandom();
    private volatile Runnable onChange = () -> { };

    public ScheduleService(Database database, Clock clock, AreaService areas, StationService stations,
                           BulletinCatalog bulletins) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.areas = Objects.requireNonNull(areas, "areas");
        this.stations = Objects.requireNonNull(stations, "stations");
        this.bulletins = Objects.requireNonNull(bulletins, "bulletins");
    }

    public void onChange(Runnable listener) {
        this.onChange = Objects.requireNonNull(listener, "listener");
    }

    public Schedule create(ScheduleDraft draft, String actor) {
        BulletinCatalog.Entry bulletin = bulletins.find(draft.bulletinId())
                .orElseThrow(() -> ApiException.notFound("no bulletin with id '" + draft.bulletinId() + "'"));
        if (!bulletin.approved()) {
            throw new ApiException(409, "bulletin_not_approved", "bulletin " + bulletin.id()
                    + " is not approved: only approved bulletins can be scheduled");
        }
        if (draft.targets().isEmpty()) {
            throw ApiException.invalid("field 'targets' must name at least one area, station or zone");
        }
        Recurrence recurrence = Recurrence.of(draft.start(), draft.rrule(), draft.until());
        if (draft.until() != null && draft.until().isBefore(draft.start().toLocalDate())) {
            throw ApiException.invalid("field 'until' is before the start");
        }
        Instant now = clock.instant();
        Instant startsAt = draft.start().atZone(BroadcastTime.ZONE).toInstant();
        Instant from = startsAt.isAfter(now) ? startsAt : now;
        if (recurrence.between(from, from.plus(CONFLICT_HORIZON)).isEmpty()) {
            throw ApiException.invalid("this schedule has no occurrence ahead: its start ("
                    + draft.start() + ", Asia/Ho_Chi_Minh) or its end is in the past");
        }
        Schedule candidate = new Schedule(newId(), bulletin.id(), bulletin.bulletinClass(), draft.start(),
                draft.rrule(), draft.until(), draft.targets(), "active", now, actor, null);
        RegistrySnapshot registry = registry();
        List<Schedule> existing = list();
        ConflictCheck.check(candidate, bulletin.durationMillis(), existing, durations(existing), registry, from,
                from.plus(CONFLICT_HORIZON));
        database.transaction(connection -> {
            repository.insert(connection, candidate);
            return null;
        });
        LOG.info("Schedule {} created by {}: bulletin {} ({}), {}", candidate.id(), actor, bulletin.id(),
                bulletin.bulletinClass().wireName(), recurrence);
        onChange.run();
        return candidate;
    }

    public List<Schedule> list() {
        return database.read(repository::all);
    }

    public Schedule get(String id) {
        return database.read(c -> repository.find(c, id))
                .orElseThrow(() -> ApiException.notFound("no schedule with id '" + shorten(id) + "'"));
    }

    public Schedule cancel(String id, String actor) {
        Schedule schedule = get(id);
        if (!schedule.active()) {
            throw ApiException.conflict("schedule " + id + " is cancelled already");
        }
        database.transaction(connection -> {
            repository.cancel(connection, id, clock.instant(), actor);
            return null;
        });
        LOG.info("Schedule {} cancelled by {}", id, actor);
        onChange.run();
        return get(id);
    }

    public Map<Long, QuietHours> quietHours() {
        return database.read(repository::quietHours);
    }

    public void setQuietHours(long areaId, LocalTime from, LocalTime to) {
        areas.get(areaId);
        QuietHours hours;
        try {
            hours = new QuietHours(from, to);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        database.transaction(connection -> {
            repository.setQuietHours(connection, areaId, hours);
            return null;
        });
        LOG.info("Quiet hours of area {} set to {}-{}", areaId, from, to);
        onChange.run();
    }

    public void clearQuietHours(long areaId) {
        areas.get(areaId);
        database.transaction(connection -> {
            repository.clearQuietHours(connection, areaId);
            return null;
        });
        onChange.run();
    }

    /** The registry now, for planning. */
    public RegistrySnapshot registry() {
        return new RegistrySnapshot(stations.list(), areas.list());
    }

    /** Durations of the approved bulletins these schedules play (archived or missing ones are left out). */
    public Map<String, Long> durations(List<Schedule> schedules) {
        Map<String, Long> durations = new HashMap<>();
        for (Schedule schedule : schedules) {
            durations.computeIfAbsent(schedule.bulletinId(), id -> bulletins.find(id)
                    .filter(BulletinCatalog.Entry::approved).map(BulletinCatalog.Entry::durationMillis).orElse(null));
        }
        durations.values().removeIf(Objects::isNull);
        return durations;
    }

    public BulletinCatalog bulletins() {
        return bulletins;
    }

    private String newId() {
        StringBuilder id = new StringBuilder("sc-");
        for (int i = 0; i < 8; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    private static String shorten(String id) {
        return id.length() > 64 ? id.substring(0, 64) + "…" : id;
    }
}
