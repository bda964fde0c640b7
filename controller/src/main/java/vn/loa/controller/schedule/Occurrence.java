package vn.loa.controller.schedule;

import java.time.Instant;
import java.util.List;
import vn.loa.protocol.BulletinClass;

/**
 * One planned broadcast: an occurrence of a schedule at one station, on some of its zones.
 * {@code quiet}: it falls in the station's quiet hours, so it is not sent to the station.
 */
public record Occurrence(String scheduleId, String broadcastId, String stationId, String bulletinId,
                         BulletinClass bulletinClass, Instant start, Instant end, List<Integer> zones, boolean quiet) {
    public Occurrence {
        zones = List.copyOf(zones);
    }

    public static String broadcastId(String scheduleId, Instant start) {
        return scheduleId + "@" + start;
    }

    public boolean overlaps(Occurrence other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
