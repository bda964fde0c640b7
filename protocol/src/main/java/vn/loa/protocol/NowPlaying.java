package vn.loa.protocol;

import java.time.Instant;

/**
 * What a station is playing at the moment of a heartbeat; {@code levelDbfs} is the output level of
 * the last second of audio (RMS, dBFS), absent when the output does not measure it.
 */
public record NowPlaying(String broadcastId, String bulletinId, String title, Instant startedAt, Double levelDbfs) {
    public NowPlaying(String broadcastId, String bulletinId, String title, Instant startedAt) {
        this(broadcastId, bulletinId, title, startedAt, null);
    }

    public NowPlaying {
        levelDbfs = levelDbfs == null || !Double.isFinite(levelDbfs) ? null : levelDbfs;
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
