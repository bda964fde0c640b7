package vn.loa.controller.emergency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.loa.controller.http.EventChannel;

/**
 * The live event streams of emergency announcements ({@code GET /api/v1/emergencies/{id}/events}).
 * A watcher first gets a {@code snapshot} (the whole announcement), then a {@code station} event
 * for each station that moves, an {@code announcement} event when the announcement itself changes
 * (stopped), and {@code ended} when every station reached a final stage; the stream then closes.
 *
 * <p>Thread: {@link #open} from any thread; the listener methods on the emergency thread, which
 * also sends the snapshot, so a watcher never misses or reorders a change.
 */
public final class EmergencyEvents implements EmergencyListener {
    private final JsonMapper mapper;
    private final BiFunction<Announcement, List<StationProgress>, Object> announcementView;
    private final Function<StationProgress, Object> stationView;
    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private EmergencyService service;

    /** The views decide the JSON shape (the API's), so streams and {@code GET} say the same. */
    public EmergencyEvents(JsonMapper mapper, BiFunction<Announcement, List<StationProgress>, Object> announcementView,
                           Function<StationProgress, Object> stationView) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.announcementView = Objects.requireNonNull(announcementView, "announcementView");
        this.stationView = Objects.requireNonNull(stationView, "stationView");
    }

    /** The service whose announcements are streamed (set once, by the composition root). */
    public void attach(EmergencyService emergencyService) {
        this.service = Objects.requireNonNull(emergencyService, "emergencyService");
    }

    /** Starts streaming one announcement to a client who sees every station. */
    public void open(String emergencyId, EventChannel channel) {
        open(emergencyId, channel, station -> true, () -> true);
    }

    /**
     * Starts streaming one announcement to a client, showing only the stations it may see
     * ({@code visible}: by station id), while {@code allowed} holds (checked before each event: a
     * session revoked or a role taken away ends the stream).
     */
    public void open(String emergencyId, EventChannel channel, Predicate<String> visible, BooleanSupplier allowed) {
        Watcher watcher = new Watcher(channel, visible, allowed);
        service.watch(emergencyId, view -> {
            if (view == null) {
                channel.send("error", null, "{\"error\":\"not_found\",\"message\":\"no emergency announcement with id '"
                        + emergencyId.replace("\"", "") + "'\"}");
                channel.close();
                return;
            }
            channel.send("snapshot", null, whole(watcher, view.announcement(), view.stations()));
            if (view.announcement().endedAt() != null) {
                channel.send("ended", null, whole(watcher, view.announcement(), view.stations()));
                channel.close();
                return;
            }
            List<Watcher> list = watchers.computeIfAbsent(emergencyId, id -> new CopyOnWriteArrayList<>());
            list.add(watcher);
            channel.onClose(() -> list.remove(watcher));
        });
    }

    /** How many clients follow an announcement now. */
    public int watching(String emergencyId) {
        return watchers.getOrDefault(emergencyId, List.of()).size();
    }

    @Override
    public void changed(Announcement announcement, StationProgress station,
                        java.util.function.Supplier<List<StationProgress>> stations) {
        List<Watcher> list = watchers.get(announcement.id());
        if (list == null || list.isEmpty()) {
            return;
        }
        if (station == null) {
            List<StationProgress> all = stations.get();
            list.stream().filter(Watcher::stillAllowed)
                    .forEach(watcher -> watcher.channel().send("announcement", null, whole(watcher, announcement, all)));
            return;
        }
        String data = json(stationView.apply(station));
        list.stream().filter(watcher -> watcher.visible().test(station.station())).filter(Watcher::stillAllowed)
                .forEach(watcher -> watcher.channel().send("station", null, data));
    }

    @Override
    public void ended(Announcement announcement, List<StationProgress> stations) {
        List<Watcher> list = watchers.remove(announcement.id());
        if (list == null) {
            return;
        }
        for (Watcher watcher : list) {
            if (watcher.stillAllowed()) {
                watcher.channel().send("ended", null, whole(watcher, announcement, stations));
                watcher.channel().close();
            }
        }
    }

    /** One client's stream and the stations it may see. */
    private record Watcher(EventChannel channel, Predicate<String> visible, BooleanSupplier allowed) {
        /** Whether the client may still follow; if not, it is told why and the stream ends. */
        boolean stillAllowed() {
            if (allowed.getAsBoolean()) {
                return true;
            }
            channel.send("error", null, "{\"error\":\"unauthorized\",\"message\":\"the session was revoked or "
                    + "no longer allows following this announcement\"}");
            channel.close();
            return false;
        }
    }

    private String whole(Watcher watcher, Announcement announcement, List<StationProgress> stations) {
        return json(announcementView.apply(announcement,
                stations.stream().filter(progress -> watcher.visible().test(progress.station())).toList()));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an emergency event", e);
        }
    }
}
