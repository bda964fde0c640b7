package vn.loa.controller.api;

import java.time.Instant;
import java.util.List;
import vn.loa.controller.registry.Station;
import vn.loa.controller.status.StationState;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.Zone;

/** A station as the API shows it: the registry entry and its live status. */
public record StationView(
        String id,
        String name,
        long areaId,
        Double latitude,
        Double longitude,
        List<Zone> zones,
        String status,
        Instant statusSince,
        String statusCause,
        Instant lastSeen,
        Long uptimeSeconds,
        String agentVersion,
        Instant agentStartedAt,
        Instant bootTime,
        String os,
        String javaVersion,
        List<Zone> reportedZones,
        Health health,
        Instant createdAt,
        Instant updatedAt) {

    /** The last heartbeat's readings. */
    public record Health(Instant reportedAt, Long osUptimeSeconds, Double loadAverage, Long memoryAvailableBytes,
                         Long memoryTotalBytes, Long diskFreeBytes, Double temperatureCelsius,
                         List<vn.loa.protocol.RelayChannelState> relays, String relayFault,
                         vn.loa.protocol.NowPlaying playing) {
        static Health of(Heartbeat heartbeat) {
            if (heartbeat == null) {
                return null;
            }
            return new Health(heartbeat.timestamp(), heartbeat.osUptimeSeconds(), heartbeat.loadAverage(),
                    heartbeat.memoryAvailableBytes(), heartbeat.memoryTotalBytes(), heartbeat.diskFreeBytes(),
                    heartbeat.temperatureCelsius(), heartbeat.relays(), heartbeat.relayFault(), heartbeat.playing());
        }
    }

    public static StationView of(Station station, StationState state) {
        StationState live = state == null ? StationState.unknown(station.id()) : state;
        return new StationView(station.id(), station.name(), station.areaId(), station.latitude(),
                station.longitude(), station.zones(), live.presence().wireName(), live.presenceSince(),
                live.presenceCause(), live.lastSeen(), live.uptimeSeconds(), live.agentVersion(),
                live.agentStartedAt(), live.bootTime(), live.os(), live.javaVersion(), live.reportedZones(),
                Health.of(live.lastHeartbeat()), station.createdAt(), station.updatedAt());
    }
}
