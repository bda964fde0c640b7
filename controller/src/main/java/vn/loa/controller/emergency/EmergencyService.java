package vn.loa.controller.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.store.Database;
import vn.loa.protocol.EmergencyIds;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStage;
import vn.loa.protocol.Receipt;

/**
 * Emergency announcements: triggers them (one message on the shared emergencies topic, nothing
 * waiting for plans), follows every station's progress from its live confirmations and receipts,
 * sends the announcement again to a station that comes back online while it is valid, reports
 * stations it never reached as missed, stops them, and writes the audit trail (trigger, stop and
 * the outcome at every station).
 *
 * <p>Thread: everything that changes state runs on its own single thread; API calls wait for it.
 * Active announcements live in memory and are written to SQLite in batches ({@link #tick}).
 */
public final class EmergencyService {
    private static final Logger LOG = LoggerFactory.getLogger(EmergencyService.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final long TICK_MILLIS = 250;

    private final Clock clock;
    private final EmergencyPublisher publisher;
    private final Predicate<String> online;
    private final ScheduledExecutorService thread;
    private final EmergencySettings settings;
    private final AnnouncementStore store;
    private final EmergencyListener listener;
    private final Map<String, LiveAnnouncement> live = new LinkedHashMap<>();
    /** Stopped announcements over at every station, kept until their validity ends to repeat the stop. */
    private final Map<String, LiveAnnouncement> stopped = new LinkedHashMap<>();

    public EmergencyService(Database database, Clock clock, AuditLog audit, EmergencyPublisher publisher,
                            Predicate<String> online, ScheduledExecutorService thread, EmergencySettings settings,
                            com.fasterxml.jackson.databind.json.JsonMapper mapper, EmergencyListener listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.online = Objects.requireNonNull(online, "online");
        this.thread = Objects.requireNonNull(thread, "thread");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = new AnnouncementStore(database, audit, mapper);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public EmergencySettings settings() {
        return settings;
    }

    /** Loads the announcements still running and starts the periodic work. */
    public void start() {
        thread.execute(() -> store.running().forEach(entry -> live.put(entry.announcement().id(), entry)));
        thread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Triggers an announcement now (or keeps it as a draft for an operator to confirm). */
    public Announcement create(NewAnnouncement request, String actor, boolean draft) {
        return call(() -> draft ? saveDraft(request, actor) : trigger(request, actor));
    }

    /** Triggers a draft (a CAP alert an operator confirms); its targets are resolved again by the caller. */
    public Announcement confirm(String id, NewAnnouncement request, String actor) {
        return call(() -> {
            Announcement draft = stored(id);
            if (draft.state() != EmergencyState.DRAFT) {
                throw ApiException.conflict("emergency announcement '" + id + "' is " + draft.state().wireName()
                        + ", not a draft");
            }
            return trigger(request, actor, id, draft.createdAt(), draft.createdBy());
        });
    }

    /** Stops an announcement at every station (a draft is discarded). Idempotent. */
    public Announcement stop(String id, String actor) {
        return call(() -> {
            LiveAnnouncement entry = live.get(id);
            if (entry == null) {
                Announcement stored = stored(id);
                if (stored.state() == EmergencyState.DRAFT) {
                    Announcement discarded = stored.ended(EmergencyState.DISCARDED, now());
                    store.record(discarded, null, actor, "emergency.discard", Map.of("title", stored.title()));
                    return discarded;
                }
                return stored;
            }
            if (entry.announcement().state() != EmergencyState.ACTIVE) {
                return entry.announcement();
            }
            return stopLive(entry, actor);
        });
    }

    /** The announcement with its stations' progress: a 404 when there is none. */
    public AnnouncementView get(String id) {
        return call(() -> viewNow(id));
    }

    /** Announcements, newest first, with how many stations are at each stage; state null for any. */
    public List<AnnouncementSummary> list(EmergencyState state, int limit) {
        return call(() -> {
            flush();
            return store.list(state, limit);
        });
    }

    /** Registers a listener for one announcement's changes: it gets the current view first, on the emergency thread. */
    public void watch(String id, java.util.function.Consumer<AnnouncementView> first) {
        thread.execute(() -> {
            try {
                first.accept(viewNow(id));
            } catch (ApiException e) {
                first.accept(null);
            }
        });
    }

    /** On the emergency thread. */
    private AnnouncementView viewNow(String id) {
        LiveAnnouncement entry = live.get(id);
        if (entry != null) {
            return new AnnouncementView(entry.announcement(), entry.stations());
        }
        return store.view(id).orElseThrow(() -> notFound(id));
    }

    /** A live confirmation from a station (ingest thread). */
    public void progress(EmergencyProgress progress, Instant receivedAt) {
        StationStage stage = progress.stage() == EmergencyStage.ZONES_ON ? StationStage.ZONES_ON
                : StationStage.RECEIVED;
        thread.execute(() -> update(progress.emergencyId(), progress.station(), stage, null, receivedAt));
    }

    /** A receipt for a broadcast {@code emergency:<id>} (ingest thread); others are ignored. */
    public void receipt(Receipt receipt, Instant receivedAt) {
        Optional<String> id = EmergencyIds.ofBroadcast(receipt.broadcastId());
        if (id.isEmpty()) {
            return;
        }
        thread.execute(() -> {
            LiveAnnouncement entry = live.get(id.get());
            boolean wasStopped = entry != null && entry.announcement().state() == EmergencyState.STOPPED;
            update(id.get(), receipt.station(), StationStage.ofReceipt(receipt.state(), wasStopped), receipt.reason(),
                    receivedAt);
        });
    }

    /**
     * A station (re)connected: it gets again every valid announcement it has not finished (a copy
     * is harmless; a restart may have lost one), and the stops it may have missed.
     */
    public void stationOnline(String station) {
        thread.execute(() -> {
            Instant now = now();
            List<LiveAnnouncement> known = new ArrayList<>(live.values());
            known.addAll(stopped.values());
            for (LiveAnnouncement entry : known) {
                StationProgress progress = entry.station(station);
                Announcement a = entry.announcement();
                if (progress == null) {
                    continue;
                }
                if (a.state() == EmergencyState.STOPPED) {
                    publisher.publish(Messages.stopFor(a, station, now));
                } else if (!progress.stage().isFinal() && now.isBefore(a.validUntil())) {
                    // also to one that had it: a restart may have lost it (the station drops copies)
                    publisher.publish(Messages.emergencyFor(a, progress, entry.whole(), now));
                    LOG.info("Station {} is back online: emergency announcement {} sent to it again", station, a.id());
                    if (progress.stage().awaitsStation()) {
                        entry.put(progress.moveTo(StationStage.SENT, null, now));
                        notifyChanged(entry, entry.station(station));
                    }
                }
            }
        });
    }

    private Announcement saveDraft(NewAnnouncement request, String actor) {
        Announcement draft = request.announcement(Messages.newId(), EmergencyState.DRAFT, now(), actor, null, null);
        store.record(draft, null, actor, "emergency.draft", Messages.auditDetail(draft, request));
        LOG.info("Emergency announcement {} '{}' drafted by {} for {} station(s): waiting for an operator",
                draft.id(), draft.title(), actor, request.reach().size());
        return draft;
    }

    private Announcement trigger(NewAnnouncement request, String actor) {
        return trigger(request, actor, Messages.newId(), now(), actor);
    }

    private Announcement trigger(NewAnnouncement request, String actor, String id, Instant createdAt,
                                 String createdBy) {
        Instant now = now();
        Announcement a = request.announcement(id, EmergencyState.ACTIVE, createdAt, createdBy, now, actor);
        List<StationProgress> stations = new ArrayList<>();
        for (String station : request.reach().keySet().stream().sorted().toList()) {
            stations.add(StationProgress.initial(station, request.zonesOf(station), online.test(station), now));
        }
        store.record(a, stations, actor, "emergency.trigger", Messages.auditDetail(a, request));
        LiveAnnouncement entry = new LiveAnnouncement(a, stations);
        entry.whole().addAll(request.wholeStations());
        live.put(a.id(), entry);
        int refused = 0;
        for (StationProgress station : stations) {
            // the others get it when they come back: queued at the broker, a stop could not overtake it
            if (station.stage() == StationStage.SENT) {
                refused += publisher.publish(Messages.emergencyFor(a, station, entry.whole(), now)) ? 0 : 1;
            }
        }
        if (refused > 0) {
            LOG.error("Emergency announcement {} could not be handed to the broker for {} station(s); they get it "
                    + "when they reconnect", a.id(), refused);
        }
        long unreachable = stations.stream().filter(s -> s.stage() == StationStage.UNREACHABLE).count();
        LOG.warn("Emergency announcement {} '{}' (risk level {}) triggered by {} for {} station(s), {} offline; "
                + "valid until {}", a.id(), a.title(), a.riskLevel(), actor, stations.size(), unreachable,
                a.validUntil());
        notifyChanged(entry, null);
        return a;
    }

    private Announcement stopLive(LiveAnnouncement entry, String actor) {
        Instant now = now();
        Announcement halted = entry.announcement().stopped(now, actor);
        entry.announcement(halted);
        for (StationProgress station : entry.stations()) {
            publisher.publish(Messages.stopFor(halted, station.station(), now));
        }
        Map<String, Long> before = entry.countByStage();
        for (StationProgress progress : entry.stations()) {
            if (progress.stage() == StationStage.UNREACHABLE) {
                entry.put(progress.moveTo(StationStage.MISSED, "stopped before it reached the station", now));
            }
        }
        store.record(halted, entry.stations(), actor, "emergency.stop", Map.of("title", halted.title(),
                "stationsByStageAtStop", before));
        entry.clean();
        LOG.warn("Emergency announcement {} stopped by {}", halted.id(), actor);
        notifyChanged(entry, null);
        return halted;
    }

    private void update(String id, String station, StationStage stage, String reason, Instant received) {
        Instant at = received.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        LiveAnnouncement entry = live.get(id);
        StationProgress progress = entry == null ? null : entry.station(station);
        if (progress == null) {
            LOG.debug("Station {} reports {} for emergency announcement {}, which it is not following", station,
                    stage.wireName(), id);
            return;
        }
        boolean stationsWord = stage != StationStage.RECEIVED && stage != StationStage.ZONES_ON;
        StationProgress moved = progress.decidedHere() && stationsWord ? progress.overruledBy(stage, reason, at)
                : progress.moveTo(stage, reason, at);
        if (!moved.equals(progress)) {
            entry.put(moved);
            if (stage == StationStage.FAILED || stage == StationStage.MISSED) {
                LOG.warn("Station {} reports emergency announcement {} {}: {}", station, id, stage.wireName(), reason);
            }
            notifyChanged(entry, moved);
        }
    }

    /** Every 250 ms: validity and confirmation deadlines, endings, and the batched write. */
    private void tick() {
        try {
            Instant now = now();
            stopped.values().removeIf(entry -> !now.isBefore(entry.announcement().validUntil()));
            for (LiveAnnouncement entry : List.copyOf(live.values())) {
                expire(entry, now);
                if (entry.allFinal()) {
                    end(entry, now);
                }
            }
            flush();
        } catch (RuntimeException e) {
            LOG.error("Following emergency announcements failed; retrying", e);
        }
    }

    private void expire(LiveAnnouncement entry, Instant now) {
        for (StationProgress progress : entry.stations()) {
            StationProgress moved = Deadlines.apply(entry.announcement(), progress, now, settings.confirmGrace());
            if (moved != progress) {
                entry.put(moved);
                notifyChanged(entry, moved);
            }
        }
    }

    private void end(LiveAnnouncement entry, Instant now) {
        Announcement a = entry.announcement();
        EmergencyState state = a.state() == EmergencyState.STOPPED ? EmergencyState.STOPPED : EmergencyState.ENDED;
        Announcement ended = a.ended(state, now);
        entry.announcement(ended);
        List<StationProgress> stations = entry.stations();
        store.record(ended, stations, "system", "emergency.outcome", Messages.outcome(ended, stations));
        entry.clean();
        live.remove(ended.id());
        if (state == EmergencyState.STOPPED && now.isBefore(ended.validUntil())) {
            stopped.put(ended.id(), entry);
        }
        LOG.info("Emergency announcement {} is over: {}", ended.id(), entry.countByStage());
        listener.ended(ended, stations);
    }

    private void flush() {
        Map<String, List<StationProgress>> changed = new LinkedHashMap<>();
        for (LiveAnnouncement entry : live.values()) {
            if (entry.isDirty()) {
                changed.put(entry.announcement().id(), entry.takeDirty());
            }
        }
        store.saveProgress(changed);
    }

    private void notifyChanged(LiveAnnouncement entry, StationProgress station) {
        try {
            listener.changed(entry.announcement(), station, entry::stations);
        } catch (RuntimeException e) {
            LOG.warn("Telling watchers of emergency announcement {} failed: {}", entry.announcement().id(),
                    e.toString());
        }
    }

    private Announcement stored(String id) {
        LiveAnnouncement entry = live.get(id);
        if (entry != null) {
            return entry.announcement();
        }
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** The clock's instant to the millisecond: what is shown live is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no emergency announcement with id '" + id + "'");
    }

    /**
     * Runs work on the emergency thread and waits for it. A call that waited too long is cancelled
     * if it has not begun (the caller may retry safely); one that has begun is waited for, so a
     * trigger never runs behind a "retry" answer.
     */
    private <T> T call(Callable<T> work) {
        java.util.concurrent.Future<T> future = thread.submit(work);
        try {
            try {
                return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (future.cancel(false)) {
                    throw new ApiException(503, "overloaded", "the emergency service is busy; retry in a moment");
                }
                return future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "overloaded", "interrupted");
        }
    }

    /** Writes what is pending (at shutdown, on the emergency thread's last turn). */
    public void close() {
        try {
            thread.submit(this::flush).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("Could not write the last emergency progress: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
