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
    /** At most this many conflicts are listed by {@link #check}. */
    static final int MAX_CONFLICTS = 100;
    /** How many occurrences ahead {@link #check} lists. */
    static final int FIRST_OCCURRENCES = 10;
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
        Prepared prepared = prepare(draft, actor, null);
        prepared.checkConflicts(list(), this);
        Schedule candidate = prepared.schedule();
        database.transaction(connection -> {
            repository.insert(connection, candidate);
            return null;
        });
        LOG.info("Schedule {} created by {}: bulletin {} ({}), {}", candidate.id(), actor, candidate.bulletinId(),
                candidate.bulletinClass().wireName(), candidate.recurrence());
        onChange.run();
        return candidate;
    }

    /**
     * What creating the schedule would find, with nothing stored: every conflict (up to
     * {@code MAX_CONFLICTS}) and its first occurrences ahead. {@code replacing}: a schedule the draft
     * would replace (its own times do not count as conflicts), or null. The same errors as
     * {@link #create} for a draft that cannot be scheduled at all.
     */
    public ScheduleCheck check(ScheduleDraft draft, String replacing) {
        Prepared prepared = prepare(draft, "check", null);
        List<Schedule> existing = allBut(replacing);
        List<Conflict> conflicts = ConflictCheck.find(prepared.schedule(), prepared.durationMillis(), existing,
                durations(existing), registry(), prepared.from(), prepared.from().plus(CONFLICT_HORIZON),
                MAX_CONFLICTS);
        List<java.time.LocalDateTime> first = prepared.schedule().recurrence()
                .between(prepared.from(), prepared.from().plus(CONFLICT_HORIZON)).stream().limit(FIRST_OCCURRENCES)
                .map(ConflictCheck::local).toList();
        return new ScheduleCheck(conflicts, first);
    }

    /**
     * Edits a schedule: in one transaction the old one is cancelled and its successor, which
     * {@code replaces} it, created (the old one's history stays with it). Conflicts are checked as
     * for {@link #create}, leaving out the schedule replaced. A 409 when it is cancelled already.
     */
    public Schedule replace(String id, ScheduleDraft draft, String actor) {
        Schedule old = get(id);
        if (!old.active()) {
            throw cancelledAlready(old.id());
        }
        Prepared prepared = prepare(draft, actor, old.id());
        prepared.checkConflicts(allBut(old.id()), this);
        Schedule successor = prepared.schedule();
        boolean replaced = database.transaction(connection -> {
            Schedule current = repository.find(connection, old.id()).orElseThrow();
            if (!current.active()) {
                return false;
            }
            repository.cancel(connection, old.id(), successor.createdAt(), actor);
            repository.insert(connection, successor);
            return true;
        });
        if (!replaced) {
            throw cancelledAlready(old.id());
        }
        LOG.info("Schedule {} edited by {}: replaced by {}, bulletin {} ({}), {}", old.id(), actor, successor.id(),
                successor.bulletinId(), successor.bulletinClass().wireName(), successor.recurrence());
        onChange.run();
        return successor;
    }

    /** Every schedule but this one (null: every schedule). */
    private List<Schedule> allBut(String excluded) {
        return list().stream().filter(schedule -> !schedule.id().equals(excluded)).toList();
    }

    private static ApiException cancelledAlready(String id) {
        return ApiException.conflict("schedule " + id + " is cancelled already: create a new one instead");
    }

    /** A draft checked on its own (bulletin approved, targets, rule, an occurrence ahead), not yet against others. */
    private Prepared prepare(ScheduleDraft draft, String actor, String replaces) {
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
                draft.rrule(), draft.until(), draft.targets(), "active", now, actor, null, replaces);
        return new Prepared(candidate, bulletin.durationMillis(), from);
    }

    /** A checked draft, the length of its bulletin, and where its conflicts are looked for from. */
    private record Prepared(Schedule schedule, long durationMillis, Instant from) {
        void checkConflicts(List<Schedule> existing, ScheduleService service) {
            ConflictCheck.check(schedule, durationMillis, existing, service.durations(existing), service.registry(),
                    from, from.plus(CONFLICT_HORIZON));
        }
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
