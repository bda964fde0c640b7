package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Sent by the agent on every connect to the broker, and again whenever the controller announces
 * itself online: who the station is and what it runs.
 */
public record Birth(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        String agentVersion,
        List<Zone> zones,
        String os,
        String javaVersion,
        Instant bootTime,
        Instant agentStartedAt,
        int heartbeatSeconds) implements StationMessage {

    public static final String TYPE = "birth";

    public Birth {
        Require.stationEnvelope(id, timestamp, station);
        Require.text(agentVersion, "agentVersion", 100);
        zones = Require.list(zones, "zones", Zone.MAX_CHANNEL);
        Require.text(os, "os", 200);
        Require.text(javaVersion, "javaVersion", 100);
        Require.present(bootTime, "bootTime");
        Require.present(agentStartedAt, "agentStartedAt");
        if (heartbeatSeconds < 1 || heartbeatSeconds > 3600) {
            throw new IllegalArgumentException("field 'heartbeatSeconds' must be 1..3600, got " + heartbeatSeconds);
        }
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    @Override
    @JsonIgnore
    public Channel channel() {
        return Channel.BIRTH;
    }
}
