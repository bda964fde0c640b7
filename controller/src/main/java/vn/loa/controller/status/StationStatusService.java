package vn.loa.controller.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.Birth;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.PlanAck;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.StationEvent;
import vn.loa.protocol.StationMessage;
import vn.loa.protocol.StationStatus;

/**
 * The live status of every registered station, kept in memory and handed to the
 * {@link StatusWriter} in batches. Threads: {@link #apply}, {@link #checkSilence} and
 * {@link #takeBatch} run on the ingest thread only; {@link #register}, {@link #retire} and the
 * readers may run on any thread (the state map is concurrent and its values immutable).
 */
public final class StationStatusService {
    private static final Logger LOG = LoggerFactory.getLogger(StationStatusService.class);
    private static final int DEFAULT_HEARTBEAT_SECONDS = 30;

    /** What became of a message. */
    public enum Outcome { APPLIED, STALE, UNKNOWN_STATION }

    private final Clock clock;
    private final int maxPendingHeartbeats;
    private final Duration silenceGrace;
    private final ConcurrentHashMap<String, StationState> states = new ConcurrentHashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private final List<ReceivedHeartbeat> pendingHeartbeats = new ArrayList<>();
    private final List<PresenceChange> pendingChanges = new ArrayList<>();
    private long droppedHeartbeats;

    public StationStatusService(Clock clock, int maxPendingHeartbeats, Duration silenceGrace) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxPendingHeartbeats = maxPendingHeartbeats;
        this.silenceGrace = Objects.requireNonNull(silenceGrace, "silenceGrace");
    }

    /**
     * Loads the persisted states at start. Presence is not trusted across a restart: every station
     * starts offline until its retained status, birth or heartbeat says otherwise.
     */
    public void load(Collection<String> registered, Collection<StationState> persisted) {
        Instant now = clock.instant();
        registered.forEach(id -> states.put(id, StationState.unknown(id)));
        for (StationState state : persisted) {
            if (!states.containsKey(state.stationId())) {
                continue;
            }
            StationState restored = state;
            if (state.online()) {
                restored = state.withPresence(Presence.OFFLINE, now, "controller restarted", state.presenceTimestamp());
                pendingChanges.add(new PresenceChange(state.stationId(), Presence.OFFLINE, now, "controller restarted"));
                dirty.add(state.stationId());
            }
            states.put(state.stationId(), restored);
        }
    }

    public void register(String stationId) {
        states.putIfAbsent(stationId, StationState.unknown(stationId));
    }

    public void retire(String stationId) {
        states.remove(stationId);
    }

    public boolean isRegistered(String stationId) {
        return states.containsKey(stationId);
    }

    public boolean isOnline(String stationId) {
        StationState state = states.get(stationId);
        return state != null && state.online();
    }

    public Optional<StationState> get(String stationId) {
        return Optional.ofNullable(states.get(stationId));
    }

    public Collection<StationState> all() {
        return List.copyOf(states.values());
    }

    public long count(Presence presence) {
        return states.values().stream().filter(state -> state.presence() == presence).count();
    }

    /**
     * Applies one decoded message received at {@code receivedAt}. Idempotent: a replay or a message
     * older than what was applied already changes nothing (see docs/protocol.md, delivery).
     */
    public Outcome apply(StationMessage message, Instant receivedAt) {
        StationState current = states.get(message.station());
        if (current == null) {
            return Outcome.UNKNOWN_STATION;
        }
        StationState next;
        if (message instanceof Birth birth) {
            next = online(current.withBirth(birth), receivedAt, "birth").seen(receivedAt);
        } else if (message instanceof Heartbeat heartbeat) {
            if (isStale(heartbeat, current.lastHeartbeat())) {
                return Outcome.STALE;
            }
            next = online(current.withHeartbeat(heartbeat), receivedAt, "heartbeat").seen(receivedAt);
            keepForHistory(heartbeat, receivedAt);
        } else if (message instanceof StationStatus status) {
            if (isStale(status, current)) {
                return Outcome.STALE;
            }
            next = status.state() == Presence.ONLINE
                    ? online(current, receivedAt, "status").seen(receivedAt)
                    : offline(current, receivedAt, "offline status (last will or shutdown)");
            next = next.withPresence(next.presence(), next.presenceSince(), next.presenceCause(), status.timestamp());
        } else if (message instanceof StationEvent || message instanceof PlanAck || message instanceof Receipt
                || message instanceof EmergencyProgress) {
            next = current.seen(receivedAt);
        } else {
            return Outcome.STALE;
        }
        replace(current, next);
        return Outcome.APPLIED;
    }

    /**
     * A heartbeat is stale when it is a duplicate, or older by the agent's clock without a larger
     * uptime (a clock stepped back still counts as newer when the uptime grew).
     */
    private static boolean isStale(Heartbeat heartbeat, Heartbeat last) {
        if (last == null) {
            return false;
        }
        if (heartbeat.id().equals(last.id())) {
            return true;
        }
        return !heartbeat.timestamp().isAfter(last.timestamp())
                && heartbeat.agentUptimeSeconds() <= last.agentUptimeSeconds();
    }

    /**
     * A status older than the last applied one is stale; at an equal timestamp (an online and the
     * last will of the same connection carry the same one) offline wins.
     */
    private static boolean isStale(StationStatus status, StationState current) {
        Instant applied = current.presenceTimestamp();
        if (applied == null) {
            return false;
        }
        if (status.timestamp().isBefore(applied)) {
            return true;
        }
        return status.timestamp().equals(applied) && status.state() == Presence.ONLINE && !current.online();
    }

    private void keepForHistory(Heartbeat heartbeat, Instant receivedAt) {
        if (pendingHeartbeats.size() < maxPendingHeartbeats) {
            pendingHeartbeats.add(new ReceivedHeartbeat(heartbeat, receivedAt));
        } else if (droppedHeartbeats++ % 1000 == 0) {
            LOG.warn("Heartbeat history is not being written fast enough: {} heartbeat(s) left out of the history",
                    droppedHeartbeats);
        }
    }

    /**
     * Marks offline every online station silent for longer than three heartbeat intervals plus a
     * grace: a backstop for a last will that never arrives (a broker restart, a lost retained message).
     */
    public void checkSilence() {
        Instant now = clock.instant();
        for (StationState state : states.values()) {
            if (!state.online() || state.lastSeen() == null) {
                continue;
            }
            int interval = state.heartbeatSeconds() == null ? DEFAULT_HEARTBEAT_SECONDS : state.heartbeatSeconds();
            Duration limit = Duration.ofSeconds(3L * interval).plus(silenceGrace);
            if (Duration.between(state.lastSeen(), now).compareTo(limit) > 0) {
                replace(state, offline(state, now, "silent for more than " + limit.toSeconds() + " s"));
            }
        }
    }

    /** Takes everything changed since the last call, for the writer. */
    public StatusBatch takeBatch() {
        List<StationState> changed = new ArrayList<>(dirty.size());
        for (String id : dirty) {
            StationState state = states.get(id);
            if (state != null) {
                changed.add(state);
            }
        }
        StatusBatch batch = new StatusBatch(changed, pendingHeartbeats, pendingChanges);
        dirty.clear();
        pendingHeartbeats.clear();
        pendingChanges.clear();
        return batch;
    }

    private StationState online(StationState state, Instant at, String cause) {
        if (state.online()) {
            return state;
        }
        LOG.info("Station {} is online ({})", state.stationId(), cause);
        pendingChanges.add(new PresenceChange(state.stationId(), Presence.ONLINE, at, cause));
        return state.withPresence(Presence.ONLINE, at, cause, state.presenceTimestamp());
    }

    private StationState offline(StationState state, Instant at, String cause) {
        if (!state.online()) {
            return state;
        }
        LOG.info("Station {} is offline: {}", state.stationId(), cause);
        pendingChanges.add(new PresenceChange(state.stationId(), Presence.OFFLINE, at, cause));
        return state.withPresence(Presence.OFFLINE, at, cause, state.presenceTimestamp());
    }

    private void replace(StationState current, StationState next) {
        if (next.equals(current)) {
            return;
        }
        if (states.replace(current.stationId(), current, next)) {
            dirty.add(current.stationId());
        }
    }
}
