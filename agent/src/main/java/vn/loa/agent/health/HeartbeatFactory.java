package vn.loa.agent.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.player.Player;
import vn.loa.agent.relay.RelayBoard;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.NowPlaying;
import vn.loa.protocol.RelayChannelState;

/**
 * Composes a station's {@link Heartbeat} from the system probe, the relay board and the player.
 * Never throws for a failing part: that part is left out of the heartbeat (null or empty), so a
 * broken sensor cannot silence the station.
 */
public final class HeartbeatFactory {
    private static final Logger log = LoggerFactory.getLogger(HeartbeatFactory.class);

    private final String station;
    private final SystemProbe probe;
    private final RelayBoard relays;
    private final Player player;
    private final Clock clock;
    private final Instant agentStartedAt;

    public HeartbeatFactory(String station, SystemProbe probe, RelayBoard relays, Player player,
                            Clock clock, Instant agentStartedAt) {
        this.station = Objects.requireNonNull(station, "station");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.relays = Objects.requireNonNull(relays, "relays");
        this.player = Objects.requireNonNull(player, "player");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agentStartedAt = Objects.requireNonNull(agentStartedAt, "agentStartedAt");
    }

    public Heartbeat next() {
        Instant now = clock.instant();
        SystemReading reading = systemReading();
        return new Heartbeat(
                MessageIds.next(),
                now,
                station,
                Math.max(0, Duration.between(agentStartedAt, now).getSeconds()),
                reading.osUptimeSeconds() == null ? null : Math.max(0, reading.osUptimeSeconds()),
                reading.loadAverage(),
                reading.memoryAvailableBytes(),
                reading.memoryTotalBytes(),
                reading.diskFreeBytes(),
                reading.temperatureCelsius(),
                relayStates(),
                nowPlaying(),
                relayFault());
    }

    private String relayFault() {
        try {
            return relays.fault().orElse(null);
        } catch (RuntimeException e) {
            return "the relay board cannot be read: " + e;
        }
    }

    private SystemReading systemReading() {
        try {
            SystemReading reading = probe.read();
            return reading == null ? SystemReading.unknown() : reading;
        } catch (RuntimeException e) {
            log.warn("station {} cannot read its system health: {}", station, e.toString());
            return SystemReading.unknown();
        }
    }

    /** Empty while the relay board is faulted: the heartbeat claims no state the board may not have. */
    private List<RelayChannelState> relayStates() {
        try {
            if (relays.fault().isPresent()) {
                return List.of();
            }
            return relays.state();
        } catch (RuntimeException e) {
            log.warn("station {} cannot read its relay board: {}", station, e.toString());
            return List.of();
        }
    }

    private NowPlaying nowPlaying() {
        try {
            Optional<NowPlaying> playing = player.nowPlaying();
            return playing == null ? null : playing.orElse(null);
        } catch (RuntimeException e) {
            log.warn("station {} cannot tell what it is playing: {}", station, e.toString());
            return null;
        }
    }
}
