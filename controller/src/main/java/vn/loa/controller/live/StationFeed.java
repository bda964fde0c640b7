package vn.loa.controller.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.loa.controller.access.Permission;
import vn.loa.controller.status.StationState;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.NowPlaying;

/**
 * Turns the station states the status writer has stored into {@code station} events, one for
 * each station whose presence, what it plays or its relay fault changed since the last event
 * (a heartbeat that changes nothing of that sends nothing). The states are compared on the hub's
 * thread, which alone touches {@code last}.
 */
public final class StationFeed {
    private final LiveEvents hub;
    private final Map<String, StationEvent> last = new HashMap<>();

    public StationFeed(LiveEvents hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    /** The {@code station} event's data. {@code playing} and {@code relayFault} only while online. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StationEvent(String station, String status, Instant statusSince, String statusCause,
                               Playing playing, String relayFault) {
    }

    /** What the station plays: the broadcast, the bulletin, its title, since when. */
    public record Playing(String broadcastId, String bulletinId, String title, Instant startedAt) {
    }

    /** Stored states (from any thread; returns at once). */
    public void stored(Collection<StationState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<StationState> copy = List.copyOf(states);
        hub.run(() -> copy.forEach(this::compare));
    }

    private void compare(StationState state) {
        StationEvent event = eventOf(state);
        if (event.equals(last.put(state.stationId(), event))) {
            return;
        }
        hub.publish("station", state.stationId(), Permission.READ_STATIONS, event);
    }

    static StationEvent eventOf(StationState state) {
        Heartbeat heartbeat = state.online() ? state.lastHeartbeat() : null;
        NowPlaying now = heartbeat == null ? null : heartbeat.playing();
        Playing playing = now == null ? null
                : new Playing(now.broadcastId(), now.bulletinId(), now.title(), now.startedAt());
        return new StationEvent(state.stationId(), state.presence().wireName(), state.presenceSince(),
                state.presenceCause(), playing, heartbeat == null ? null : heartbeat.relayFault());
    }
}
