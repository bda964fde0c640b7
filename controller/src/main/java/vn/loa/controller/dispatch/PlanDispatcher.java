package vn.loa.controller.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.schedule.BulletinCatalog;
import vn.loa.controller.schedule.Occurrence;
import vn.loa.controller.schedule.Planner;
import vn.loa.controller.schedule.Schedule;
import vn.loa.controller.schedule.ScheduleService;
import vn.loa.controller.store.Database;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlannedBroadcast;

/**
 * Computes each station's plan for the horizon and sends it as one versioned message: when
 * schedules, bulletins or quiet hours change, when a station (re)connects, as the horizon rolls
 * forward, and again while a station has not acknowledged its current version. Every plan carries
 * the standard emergency messages as standby audio, so stations keep them ready. The version grows
 * only when the content changes, so re-sends are harmless duplicates.
 *
 * <p>Thread: everything runs on the single dispatch thread it is given.
 */
public final class PlanDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PlanDispatcher.class);
    /** How long a full computation serves reconnecting stations (a burst of births costs one computation). */
    private static final Duration FRESH = Duration.ofSeconds(30);

    private final Database database;
    private final Clock clock;
    private final ScheduleService schedules;
    private final CommandPublisher publisher;
    private final ScheduledExecutorService thread;
    private final Duration horizon;
    private final Duration resendAfter;
    private final Predicate<String> online;
    private final Supplier<List<AudioRef>> standby;
    private final MessageCodec codec = new MessageCodec();
    private final PlanRepository repository = new PlanRepository();
    /** Written on the dispatch thread; read by the health thread too. */
    private final Map<String, PlanState> states = new java.util.concurrent.ConcurrentHashMap<>();
    /** The plans of the last full computation, reused for reconnecting stations while fresh. */
    private Map<String, List<PlannedBroadcast>> computed = Map.of();
    private Instant computedAt = Instant.MIN;

    public PlanDispatcher(Database database, Clock clock, ScheduleService schedules, CommandPublisher publisher,
                          ScheduledExecutorService thread, Duration horizon, Duration resendAfter,
                          Predicate<String> online, Supplier<List<AudioRef>> standby) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.thread = Objects.requireNonNull(thread, "thread");
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.resendAfter = Objects.requireNonNull(resendAfter, "resendAfter");
        this.online = Objects.requireNonNull(online, "online");
        this.standby = Objects.requireNonNull(standby, "standby");
    }

    /** Loads the plan versions and starts the periodic work: rolling the horizon and re-sending unacknowledged plans. */
    public void start(Duration replanEvery) {
        thread.execute(() -> states.putAll(database.read(repository::all)));
        thread.scheduleWithFixedDelay(this::guarded, 0, replanEvery.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(() -> guard(this::resendUnacknowledged), resendAfter.toMillis(),
                resendAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something that plans depend on changed: re-plan every station soon. */
    public void replanAll() {
        thread.execute(this::guarded);
    }

    /** A station (re)connected: send it its current plan, changed or not. */
    public void stationOnline(String stationId) {
        thread.execute(() -> guard(() -> send(stationId, true)));
    }

    /** A station acknowledged a plan version. */
    public void planAcknowledged(String stationId, long version) {
        thread.execute(() -> guard(() -> {
            PlanState state = states.get(stationId);
            long known = state == null ? 0 : state.version();
            if (state == null && version == 0 || state != null && version <= state.ackedVersion()) {
                return;
            }
            if (version > known) {
                // The station holds a version this controller never sent (its plan state was lost):
                // continue above it, or the station would ignore every plan from now on.
                LOG.warn("Station {} holds plan version {}, above the {} known here: sending it a newer plan",
                        stationId, version, known);
                save(new PlanState(stationId, version, "", state == null ? null : state.sentAt(), version,
                        clock.instant()));
                send(stationId, false);
                return;
            }
            save(new PlanState(stationId, state.version(), state.contentHash(), state.sentAt(), version,
                    clock.instant()));
            LOG.debug("Station {} holds plan version {}", stationId, version);
        }));
    }

    public Optional<PlanState> state(String stationId) {
        return Optional.ofNullable(states.get(stationId));
    }

    private void guarded() {
        guard(this::replanEveryStation);
    }

    private void replanEveryStation() {
        Map<String, List<PlannedBroadcast>> plans = computePlans();
        computed = plans;
        computedAt = clock.instant();
        for (String stationId : plans.keySet()) {
            send(stationId, false, plans.get(stationId));
        }
    }

    private void resendUnacknowledged() {
        Instant now = clock.instant();
        for (PlanState state : List.copyOf(states.values())) {
            boolean stale = state.sentAt() == null || state.sentAt().plus(resendAfter).isBefore(now);
            if (!state.acknowledged() && stale && online.test(state.stationId())) {
                LOG.info("Station {} has not acknowledged plan version {}: sending it again", state.stationId(),
                        state.version());
                send(state.stationId(), true);
            }
        }
    }

    private void send(String stationId, boolean evenIfUnchanged) {
        // stale, or computed before this station was registered: compute again
        if (computedAt.plus(FRESH).isBefore(clock.instant()) || !computed.containsKey(stationId)) {
            computed = computePlans();
            computedAt = clock.instant();
        }
        List<PlannedBroadcast> broadcasts = computed.get(stationId);
        if (broadcasts != null) {
            send(stationId, evenIfUnchanged, broadcasts);
        }
    }

    private void send(String stationId, boolean evenIfUnchanged, List<PlannedBroadcast> broadcasts) {
        Instant now = clock.instant();
        List<AudioRef> ready = standby.get();
        String hash = hashOf(broadcasts, ready);
        PlanState previous = states.get(stationId);
        boolean changed = previous == null || !previous.contentHash().equals(hash);
        if (!changed && !evenIfUnchanged) {
            return;
        }
        long version = previous == null ? 1 : changed ? previous.version() + 1 : previous.version();
        Plan plan = fitting(new Plan(MessageIds.next(), now, stationId, version, now, now.plus(horizon), broadcasts,
                ready));
        boolean handed = publisher.publish(plan);
        long acked = previous == null ? 0 : previous.ackedVersion();
        save(new PlanState(stationId, version, hash, handed ? now : null, acked,
                previous == null ? null : previous.ackedAt()));
        if (changed) {
            LOG.info("Plan version {} for station {}: {} broadcast(s) in the next {} h{}", version, stationId,
                    broadcasts.size(), horizon.toHours(), handed ? "" : " (broker unreachable: will retry)");
        }
    }

    /** Every registered station's broadcasts from now to the horizon, quiet-hour ones left out. */
    private Map<String, List<PlannedBroadcast>> computePlans() {
        Instant now = clock.instant();
        List<Schedule> all = schedules.list();
        Map<String, Long> durations = schedules.durations(all);
        var registry = schedules.registry();
        Map<String, List<Occurrence>> occurrences = Planner.occurrences(all, registry, schedules.quietHours(),
                durations, now, now.plus(horizon));
        Map<String, BulletinCatalog.Entry> bulletins = new HashMap<>();
        Map<String, List<PlannedBroadcast>> plans = new HashMap<>();
        registry.stations().forEach(station -> plans.put(station.id(), new ArrayList<>()));
        occurrences.forEach((stationId, list) -> {
            for (Occurrence occurrence : list) {
                if (occurrence.quiet() || !occurrence.end().isAfter(now)) {
                    continue;
                }
                BulletinCatalog.Entry bulletin = bulletins.computeIfAbsent(occurrence.bulletinId(),
                        id -> schedules.bulletins().find(id).orElse(null));
                if (bulletin == null) {
                    continue;
                }
                plans.computeIfAbsent(stationId, id -> new ArrayList<>()).add(new PlannedBroadcast(
                        occurrence.broadcastId(), bulletin.id(), bulletin.title(), occurrence.bulletinClass(),
                        occurrence.start(), bulletin.durationMillis(), occurrence.zones(), bulletin.audio()));
            }
        });
        return plans;
    }

    /** The plan, or its earliest broadcasts when the whole would exceed what an agent accepts. */
    private Plan fitting(Plan plan) {
        if (codec.encode(plan).length <= Plan.MAX_ENCODED_BYTES) {
            return plan;
        }
        int low = 0;
        int high = plan.broadcasts().size();
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (codec.encode(withFirst(plan, middle)).length <= Plan.MAX_ENCODED_BYTES) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        LOG.warn("The plan for station {} holds {} broadcasts, too many for one message: sending the first {}; "
                + "the rest follow as the horizon rolls", plan.station(), plan.broadcasts().size(), low);
        return withFirst(plan, low);
    }

    private static Plan withFirst(Plan plan, int count) {
        List<PlannedBroadcast> first = plan.broadcasts().subList(0, count);
        Instant until = count == 0 ? plan.from() : first.get(count - 1).start();
        return new Plan(plan.id(), plan.timestamp(), plan.station(), plan.version(), plan.from(), until, first,
                plan.standby());
    }

    private void save(PlanState state) {
        states.put(state.stationId(), state);
        database.transaction(connection -> {
            repository.save(connection, state);
            return null;
        });
    }

    private static String hashOf(List<PlannedBroadcast> broadcasts, List<AudioRef> standby) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (PlannedBroadcast broadcast : broadcasts) {
                digest.update((broadcast.broadcastId() + '|' + broadcast.start() + '|' + broadcast.durationMillis()
                        + '|' + broadcast.zones() + '|' + broadcast.audio().sha256() + '|'
                        + broadcast.bulletinClass() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            for (AudioRef audio : standby) {
                digest.update(("standby|" + audio.sha256() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void guard(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("Dispatching plans failed; will retry on the next change or period", e);
        }
    }
}
