package vn.loa.controller.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Scope;
import vn.loa.controller.http.EventChannel;
import vn.loa.controller.status.StationState;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.Json;
import vn.loa.protocol.NowPlaying;
import vn.loa.protocol.Presence;

class LiveEventsTest {
    private static final Instant T = Instant.parse("2026-11-23T01:00:00Z");
    /** st-1 in commune 11, st-3 in commune 33. */
    private final LiveEvents hub = new LiveEvents(Json.strictMapper(64 * 1024), Runnable::run,
            station -> Optional.ofNullable(Map.of("st-1", 11L, "st-3", 33L).get(station)));
    private final StationFeed feed = new StationFeed(hub);

    /** Where a commune user of area 11 may see stations and alerts. */
    private static Map<Permission, Scope> commune11() {
        Scope scope = new Scope(false, Set.of(11L), Set.of(11L), Set.of(1L));
        return Map.of(Permission.READ_STATIONS, scope, Permission.READ_ALERTS, scope);
    }

    @Test
    void aStreamStartsWithHelloAndGetsOnlyEventsAboutStationsInItsScope() {
        RecordingChannel mine = new RecordingChannel();
        hub.open(mine, commune11(), () -> true);

        hub.publish("receipt", "st-1", Permission.READ_STATIONS, Map.of("station", "st-1"));
        hub.publish("receipt", "st-3", Permission.READ_STATIONS, Map.of("station", "st-3"));
        hub.publish("alert", "unknown", Permission.READ_ALERTS, Map.of("station", "unknown"));

        assertThat(mine.sent).containsExactly("hello {}", "receipt {\"station\":\"st-1\"}");
    }

    @Test
    void aPermissionHeldNowhereShowsNothing() {
        RecordingChannel approver = new RecordingChannel();
        hub.open(approver, Map.of(), () -> true);
        hub.publish("alert", "st-1", Permission.READ_ALERTS, Map.of("id", 1));
        assertThat(approver.sent).containsExactly("hello {}");
    }

    @Test
    void aSessionNoLongerAllowedEndsTheStreamWithAnError() {
        RecordingChannel leaving = new RecordingChannel();
        AtomicBoolean allowed = new AtomicBoolean(true);
        hub.open(leaving, commune11(), allowed::get);
        allowed.set(false);

        hub.publish("receipt", "st-1", Permission.READ_STATIONS, Map.of("station", "st-1"));

        assertThat(leaving.sent).hasSize(2).first().isEqualTo("hello {}");
        assertThat(leaving.sent.get(1)).startsWith("error ");
        assertThat(leaving.open).isFalse();
        assertThat(hub.watching()).isZero();
    }

    @Test
    void stationEventsFollowPresenceAndWhatPlaysNotEveryHeartbeat() {
        RecordingChannel stream = new RecordingChannel();
        hub.open(stream, commune11(), () -> true);
        StationState offline = StationState.unknown("st-1");
        StationState online = new StationState("st-1", Presence.ONLINE, T, "birth", T, T, null, null, null, null, null,
                30, null, heartbeat(1, null));
        StationState stillOnline = new StationState("st-1", Presence.ONLINE, T, "birth", T, T.plusSeconds(30), null,
                null, null, null, null, 30, null, heartbeat(31, null));
        NowPlaying news = new NowPlaying("br-1", "b-1", "Tin sáng", T.plusSeconds(40), -18.0);
        StationState playing = new StationState("st-1", Presence.ONLINE, T, "birth", T, T.plusSeconds(60), null, null,
                null, null, null, 30, null, heartbeat(61, news));

        feed.stored(List.of(offline));
        feed.stored(List.of(online));
        feed.stored(List.of(stillOnline));
        feed.stored(List.of(playing));

        assertThat(stream.sent).extracting(text -> text.substring(0, text.indexOf(' ')))
                .containsExactly("hello", "station", "station", "station");
        assertThat(stream.sent.get(1)).contains("\"status\":\"offline\"").contains("\"playing\":null");
        assertThat(stream.sent.get(2)).contains("\"status\":\"online\"").contains("\"statusSince\":\"2026-11-23T01:00:00Z\"");
        assertThat(stream.sent.get(3)).contains("\"playing\":{\"broadcastId\":\"br-1\",\"bulletinId\":\"b-1\","
                + "\"title\":\"Tin sáng\"");
    }

    private static Heartbeat heartbeat(long uptime, NowPlaying playing) {
        return new Heartbeat("hb-" + uptime, T.plusSeconds(uptime), "st-1", uptime, null, null, null, null, null, null,
                List.of(), playing);
    }

    /** An event channel that keeps what was sent, as "event data". */
    private static final class RecordingChannel implements EventChannel {
        final List<String> sent = new ArrayList<>();
        final List<Runnable> onClose = new ArrayList<>();
        boolean open = true;

        @Override
        public boolean send(String event, String id, String data) {
            if (open) {
                sent.add(event + " " + data);
            }
            return open;
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                onClose.forEach(Runnable::run);
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void onClose(Runnable action) {
            onClose.add(action);
        }

        @Override
        public Optional<String> lastEventId() {
            return Optional.empty();
        }
    }
}
