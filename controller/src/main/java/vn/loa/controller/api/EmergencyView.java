package vn.loa.controller.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.loa.controller.emergency.Announcement;
import vn.loa.controller.emergency.StationProgress;
import vn.loa.controller.schedule.Targets;

/** An emergency announcement as the API shows it, with its stations' progress (or only their counts). */
public record EmergencyView(String id, String title, String state, String origin, Integer riskLevel,
                            String riskColour, String bulletinId, String audio, int repeat, long durationMillis,
                            long warmUpMillis, Targets targets, Instant createdAt, String createdBy,
                            Instant triggeredAt, String triggeredBy, Instant validUntil, Instant stoppedAt,
                            String stoppedBy, Instant endedAt, Map<String, Integer> stationsByStage,
                            List<StationView> stations) {

    /** Decision 18/2021/QĐ-TTg: the colour shown with every warning of a risk level. */
    private static final List<String> COLOURS = List.of("light-blue", "light-yellow", "orange", "red", "purple");

    /** One station's progress. */
    public record StationView(String station, List<Integer> zones, String stage, String reason, Instant sentAt,
                              Instant receivedAt, Instant zonesOnAt, Instant playingAt, Instant endedAt) {
        public static StationView of(StationProgress p) {
            return new StationView(p.station(), p.zones(), p.stage().wireName(), p.reason(), p.sentAt(),
                    p.receivedAt(), p.zonesOnAt(), p.playingAt(), p.endedAt());
        }
    }

    public static EmergencyView of(Announcement a, List<StationProgress> stations, boolean withStations) {
        Map<String, Integer> counts = new TreeMap<>();
        stations.forEach(p -> counts.merge(p.stage().wireName(), 1, Integer::sum));
        return new EmergencyView(a.id(), a.title(), a.state().wireName(), a.origin(), a.riskLevel(),
                riskColour(a.riskLevel()), a.bulletinId(), a.audioSource(), a.repeat(), a.durationMillis(),
                a.warmUpMillis(), a.targets(), a.createdAt(), a.createdBy(), a.triggeredAt(), a.triggeredBy(),
                a.validUntil(), a.stoppedAt(), a.stoppedBy(), a.endedAt(), counts,
                withStations ? stations.stream().map(StationView::of).toList() : null);
    }

    /** Without the stations, with their counts by stage. */
    public static EmergencyView summary(Announcement a, Map<String, Integer> counts) {
        EmergencyView full = of(a, List.of(), false);
        return new EmergencyView(full.id(), full.title(), full.state(), full.origin(), full.riskLevel(),
                full.riskColour(), full.bulletinId(), full.audio(), full.repeat(), full.durationMillis(),
                full.warmUpMillis(), full.targets(), full.createdAt(), full.createdBy(), full.triggeredAt(),
                full.triggeredBy(), full.validUntil(), full.stoppedAt(), full.stoppedBy(), full.endedAt(),
                new TreeMap<>(counts), null);
    }

    public static String riskColour(Integer level) {
        return level == null ? null : COLOURS.get(level - 1);
    }
}
