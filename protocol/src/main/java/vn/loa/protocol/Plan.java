package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Controller to agent, on {@code commands}: everything the station must play from {@code from} to
 * {@code until}. A plan replaces the previous one entirely; {@code version} grows with every
 * change, and an agent ignores a plan whose version is not above the one it holds (duplicates and
 * reordering do no harm). The agent answers with a {@link PlanAck}.
 *
 * <p>{@code standby}: audio the station keeps in its cache at all times, though no broadcast of
 * the plan needs it: the standard emergency messages (a siren, flood, storm and evacuation
 * warnings), so an {@link Emergency} using one starts without a download. Optional, empty when absent.
 */
public record Plan(
        String id,
        @JsonProperty("ts") Instant timestamp,
        String station,
        long version,
        Instant from,
        Instant until,
        List<PlannedBroadcast> broadcasts,
        List<AudioRef> standby) implements StationMessage {

    public static final String TYPE = "plan";
    public static final int MAX_BROADCASTS = 2000;
    public static final int MAX_STANDBY = 50;
    /**
     * The largest encoded plan an agent accepts on its commands topic (1 MiB). A controller sends
     * fewer broadcasts (the earliest ones) rather than a larger plan.
     */
    public static final int MAX_ENCODED_BYTES = 1024 * 1024;

    public Plan {
        Require.stationEnvelope(id, timestamp, station);
        if (version < 1) {
            throw new IllegalArgumentException("field 'version' must be positive, got " + version);
        }
        Require.present(from, "from");
        Require.present(until, "until");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("field 'until' is before 'from'");
        }
        broadcasts = Require.list(broadcasts, "broadcasts", MAX_BROADCASTS);
        standby = standby == null ? List.of() : Require.list(standby, "standby", MAX_STANDBY);
    }

    /** A plan without standby audio. */
    public Plan(String id, Instant timestamp, String station, long version, Instant from, Instant until,
                List<PlannedBroadcast> broadcasts) {
        this(id, timestamp, station, version, from, until, broadcasts, List.of());
    }

    /** The broadcast with this id in this plan, if any. */
    public java.util.Optional<PlannedBroadcast> broadcast(String broadcastId) {
        return broadcasts.stream().filter(b -> b.broadcastId().equals(broadcastId)).findFirst();
    }

    /** Whether an instant lies in this plan's window [from, until]. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(from) && !instant.isAfter(until);
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    @Override
    @JsonIgnore
    public Channel channel() {
        return Channel.COMMANDS;
    }
}
