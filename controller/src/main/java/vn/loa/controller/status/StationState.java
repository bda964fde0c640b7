package vn.loa.controller.status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Zone;

/**
 * What the controller knows of a station's live state, immutable. {@code presenceTimestamp} is the
 * agent-side timestamp of the last status message applied, used to ignore stale last wills.
 */
public record StationState(
        String stationId,
        Presence presence,
        Instant presenceSince,
        String presenceCause,
        Instant presenceTimestamp,
        Instant lastSeen,
        String agentVersion,
        Instant agentStartedAt,
        Instant bootTime,
        String os,
        String javaVersion,
        Integer heartbeatSeconds,
        List<Zone> reportedZones,
        Heartbeat lastHeartbeat) {

    public StationState {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(presence, "presence");
        reportedZones = reportedZones == null ? null : List.copyOf(reportedZones);
    }

    public static StationState unknown(String stationId) {
        return new StationState(stationId, Presence.OFFLINE, null, "never seen", null, null, null, null, null, null,
                null, null, null, null);
    }

    public boolean online() {
        return presence == Presence.ONLINE;
    }

    /** The agent's uptime as last reported, or null when the station is offline or never reported. */
    public Long uptimeSeconds() {
        if (!online()) {
            return null;
        }
        return lastHeartbeat == null ? null : lastHeartbeat.agentUptimeSeconds();
    }

    StationState withPresence(Presence newPresence, Instant since, String cause, Instant timestamp) {
        return new StationState(stationId, newPresence, since, cause, timestamp, lastSeen, agentVersion,
                agentStartedAt, bootTime, os, javaVersion, heartbeatSeconds, reportedZones, lastHeartbeat);
    }

    StationState seen(Instant at) {
        return new StationState(stationId, presence, presenceSince, presenceCause, presenceTimestamp, at,
                agentVersion, agentStartedAt, bootTime, os, javaVersion, heartbeatSeconds, reportedZones,
                lastHeartbeat);
    }

    /**
     * A birth from an agent run that started after the last heartbeat makes that heartbeat's
     * playout and relays stale (a starting agent plays nothing and has its relays off): its
     * readings stay, what it said was playing and switched on goes until the next heartbeat.
     */
    StationState withBirth(vn.loa.protocol.Birth birth) {
        Heartbeat heartbeat = lastHeartbeat;
        if (heartbeat != null && birth.agentStartedAt() != null
                && heartbeat.timestamp().isBefore(birth.agentStartedAt())) {
            heartbeat = new Heartbeat(heartbeat.id(), heartbeat.timestamp(), heartbeat.station(),
                    heartbeat.agentUptimeSeconds(), heartbeat.osUptimeSeconds(), heartbeat.loadAverage(),
                    heartbeat.memoryAvailableBytes(), heartbeat.memoryTotalBytes(), heartbeat.diskFreeBytes(),
                    heartbeat.temperatureCelsius(), List.of(), null, null);
        }
        return new StationState(stationId, presence, presenceSince, presenceCause, presenceTimestamp, lastSeen,
                birth.agentVersion(), birth.agentStartedAt(), birth.bootTime(), birth.os(), birth.javaVersion(),
                birth.heartbeatSeconds(), birth.zones(), heartbeat);
    }

    StationState withHeartbeat(Heartbeat heartbeat) {
        return new StationState(stationId, presence, presenceSince, presenceCause, presenceTimestamp, lastSeen,
                agentVersion, agentStartedAt, bootTime, os, javaVersion, heartbeatSeconds, reportedZones, heartbeat);
    }
}
