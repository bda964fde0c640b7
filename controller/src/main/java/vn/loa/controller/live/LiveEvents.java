package vn.loa.controller.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Scope;
import vn.loa.controller.http.EventChannel;

/**
 * The console's live events ({@code GET /api/v1/events}): one hub that the status writer, the
 * receipt service and the alert store tell of changes, and that hands each change to the open
 * streams allowed to see it (by the station's area and a permission).
 *
 * <p>Threads: {@link #publish} may be called from any thread and returns at once: the work (the
 * station's area, the session checks, the JSON) runs on the hub's own thread, so the MQTT, status
 * and database threads never wait for a client; sending on a stream never blocks either (a client
 * that does not read is cut off by its channel).
 */
public final class LiveEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    private final JsonMapper mapper;
    private final Executor thread;
    private final Function<String, Optional<Long>> areaOf;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();

    /** {@code areaOf}: the area of a registered station (empty for an unknown or retired one). */
    public LiveEvents(JsonMapper mapper, Executor thread, Function<String, Optional<Long>> areaOf) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.thread = Objects.requireNonNull(thread, "thread");
        this.areaOf = Objects.requireNonNull(areaOf, "areaOf");
    }

    /**
     * Starts a stream: a {@code hello} event at once, then every event about a station in the
     * scope the event's permission has in {@code scopes}, while {@code allowed} holds (checked
     * before each event: a session revoked or roles changed end the stream).
     */
    public void open(EventChannel channel, Map<Permission, Scope> scopes, BooleanSupplier allowed) {
        Watcher watcher = new Watcher(channel, Map.copyOf(scopes), allowed);
        watchers.add(watcher);
        channel.onClose(() -> watchers.remove(watcher));
        channel.send("hello", null, "{}");
    }

    /** How many streams are open. */
    public int watching() {
        return watchers.size();
    }

    /**
     * Hands an event about a station to the streams whose users hold {@code permission} over the
     * station's area. Returns at once; the event is dropped (and logged) when the hub is overrun.
     */
    public void publish(String event, String station, Permission permission, Object data) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(permission, "permission");
        if (watchers.isEmpty()) {
            return;
        }
        run(() -> deliver(event, station, permission, data));
    }

    /** Runs a task on the hub's thread (for the feeds that work out what changed there). */
    void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            if (dropped.getAndIncrement() % 1000 == 0) {
                LOG.warn("Live events are being dropped: the console's event hub is overrun or stopping ({} so far)",
                        dropped.get());
            }
        }
    }

    private void deliver(String event, String station, Permission permission, Object data) {
        if (watchers.isEmpty()) {
            return;
        }
        Optional<Long> area = areaOf.apply(station);
        if (area.isEmpty()) {
            return;
        }
        String text;
        try {
            text = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            LOG.error("A live {} event about station {} could not be written as JSON", event, station, e);
            return;
        }
        for (Watcher watcher : watchers) {
            Scope scope = watcher.scopes().getOrDefault(permission, Scope.NOWHERE);
            if (scope.covers(area.get()) && watcher.stillAllowed()) {
                watcher.channel().send(event, null, text);
            }
        }
    }

    /** One client's stream and where it may see what. */
    private record Watcher(EventChannel channel, Map<Permission, Scope> scopes, BooleanSupplier allowed) {
        /** Whether the client may still follow; if not, it is told why and the stream ends. */
        boolean stillAllowed() {
            if (allowed.getAsBoolean()) {
                return true;
            }
            channel.send("error", null, "{\"error\":\"unauthorized\",\"message\":\"the session was revoked or its "
                    + "roles changed: open the stream again\"}");
            channel.close();
            return false;
        }
    }
}
