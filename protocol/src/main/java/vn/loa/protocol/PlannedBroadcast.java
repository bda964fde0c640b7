package vn.loa.protocol;

import java.time.Instant;
import java.util.List;

/**
 * One broadcast in a station's plan: play this bulletin at {@code start} on these zones (relay
 * channels). {@code broadcastId} is stable for the same occurrence across plan versions, so an
 * agent never plays one twice.
 */
public record PlannedBroadcast(String broadcastId, String bulletinId, String title, BulletinClass bulletinClass,
                               Instant start, long durationMillis, List<Integer> zones, AudioRef audio) {
    public PlannedBroadcast {
        Require.text(broadcastId, "broadcastId", 200);
        Require.text(bulletinId, "bulletinId", 100);
        if (title != null && title.length() > 300) {
            throw new IllegalArgumentException("field 'title' is longer than 300 characters");
        }
        Require.present(bulletinClass, "bulletinClass");
        Require.present(start, "start");
        if (durationMillis < 1) {
            throw new IllegalArgumentException("field 'durationMillis' must be positive, got " + durationMillis);
        }
        zones = Require.list(zones, "zones", Zone.MAX_CHANNEL);
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("field 'zones' must name at least one relay channel");
        }
        for (int zone : zones) {
            if (zone < 1 || zone > Zone.MAX_CHANNEL) {
                throw new IllegalArgumentException("field 'zones' has channel " + zone + ", outside 1.." + Zone.MAX_CHANNEL);
            }
        }
        Require.present(audio, "audio");
    }

    public Instant end() {
        return start.plusMillis(durationMillis);
    }
}
