package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Sent by the agent periodically (default every 30 s). {@code ts} is the agent's own clock, which
 * lets the controller measure clock skew. Optional fields are absent when the board cannot tell.
 * {@code relayFault} says why the relay board does not answer; {@code relays} is then empty, as
 * the agent cannot vouch for the state of its relays.
 */
public record Heartbeat(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        long agentUptimeSeconds,
        Long osUptimeSeconds,
        Double loadAverage,
        Long memoryAvailableBytes,
        Long memoryTotalBytes,
        Long diskFreeBytes,
        Double temperatureCelsius,
        List<RelayChannelState> relays,
        NowPlaying playing,
        String relayFault) implements StationMessage {

    public static final String TYPE = "heartbeat";

    /** A heartbeat from a relay board without a fault. */
    public Heartbeat(String id, Instant timestamp, String station, long agentUptimeSeconds, Long osUptimeSeconds,
                     Double loadAverage, Long memoryAvailableBytes, Long memoryTotalBytes, Long diskFreeBytes,
                     Double temperatureCelsius, List<RelayChannelState> relays, NowPlaying playing) {
        this(id, timestamp, station, agentUptimeSeconds, osUptimeSeconds, loadAverage, memoryAvailableBytes,
                memoryTotalBytes, diskFreeBytes, temperatureCelsius, relays, playing, null);
    }

    public Heartbeat {
        Require.stationEnvelope(id, timestamp, station);
        Require.notNegative(agentUptimeSeconds, "agentUptimeSeconds");
        if (osUptimeSeconds != null) {
            Require.notNegative(osUptimeSeconds, "osUptimeSeconds");
        }
        relays = Require.list(relays, "relays", Zone.MAX_CHANNEL);
        loadAverage = finiteOrAbsent(loadAverage);
        temperatureCelsius = finiteOrAbsent(temperatureCelsius);
        if (relayFault != null && relayFault.length() > 500) {
            relayFault = relayFault.substring(0, 500);
        }
    }

    /** A reading that is not a finite number (NaN, infinity) is treated as absent. */
    private static Double finiteOrAbsent(Double reading) {
        return reading == null || !Double.isFinite(reading) ? null : reading;
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    @Override
    @JsonIgnore
    public Channel channel() {
        return Channel.HEARTBEAT;
    }
}
