package vn.loa.controller.emergency;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.loa.controller.schedule.Targets;
import vn.loa.protocol.AudioRef;

/**
 * A checked request for an announcement: its audio resolved to a bulletin, its targets resolved
 * to the stations and zones they reach ({@code wholeStations}: stations reached with every zone,
 * sent as "every zone" so the station's own zone list applies).
 */
public record NewAnnouncement(String title, String bulletinId, String audioSource, AudioRef audio,
                              long durationMillis, int repeat, Integer riskLevel, long warmUpMillis, Targets targets,
                              Map<String, Set<Integer>> reach, Set<String> wholeStations, Instant validUntil,
                              String origin) {
    public NewAnnouncement {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bulletinId, "bulletinId");
        Objects.requireNonNull(audioSource, "audioSource");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(targets, "targets");
        reach = Map.copyOf(reach);
        wholeStations = Set.copyOf(wholeStations);
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(origin, "origin");
    }

    /** The announcement this request becomes, in the given state. */
    Announcement announcement(String id, EmergencyState state, Instant createdAt, String createdBy,
                              Instant triggeredAt, String triggeredBy) {
        return new Announcement(id, title, bulletinId, audioSource, audio, durationMillis, repeat, riskLevel,
                warmUpMillis, targets, state, origin, createdAt, createdBy, triggeredAt, triggeredBy, validUntil,
                null, null, null);
    }

    List<Integer> zonesOf(String station) {
        return reach.get(station).stream().sorted().toList();
    }
}
