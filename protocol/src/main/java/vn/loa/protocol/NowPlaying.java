package vn.loa.protocol;

import java.time.Instant;

/** What a station is playing at the moment of a heartbeat. */
public record NowPlaying(String broadcastId, String bulletinId, String title, Instant startedAt) {
    public NowPlaying {
        Require.text(bulletinId, "bulletinId", 100);
        Require.present(startedAt, "startedAt");
        if (broadcastId != null) {
            Require.text(broadcastId, "broadcastId", 200);
        }
        if (title != null) {
            Require.text(title, "title", 300);
        }
    }
}
