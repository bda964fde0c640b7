package vn.loa.agent.playout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.relay.RelayBoard;
import vn.loa.agent.relay.RelayEvents;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Severity;

/**
 * Makes sure a relay is never left on by a stuck playout: while any zone is on, the playout must
 * act again by the instant it announced (a start, an end of audio, an end of hold); if it has not
 * done so a grace after that instant (a hung player, a blocked thread), every zone is switched off
 * and a {@code playout-stalled} fault is reported, once per stall.
 *
 * <p>Thread: {@link #check()} runs on a thread other than the playout's (the agent's).
 */
public final class PlayoutWatchdog {
    private static final Logger log = LoggerFactory.getLogger(PlayoutWatchdog.class);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final String station;
    private final RelayBoard relays;
    private final Supplier<Optional<Instant>> actionExpectedBy;
    private final Clock clock;
    private final Duration grace;
    private final RelayEvents events;
    private Instant trippedFor;
    private Instant idleSince;

    public PlayoutWatchdog(String station, RelayBoard relays, Supplier<Optional<Instant>> actionExpectedBy, Clock clock,
                           Duration grace, RelayEvents events) {
        this.station = Objects.requireNonNull(station, "station");
        this.relays = Objects.requireNonNull(relays, "relays");
        this.actionExpectedBy = Objects.requireNonNull(actionExpectedBy, "actionExpectedBy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** One look; called every second. */
    public void check() {
        try {
            if (relays.state().stream().noneMatch(RelayChannelState::on)) {
                idleSince = null;
                return;
            }
            Instant now = clock.instant();
            Instant expected = actionExpectedBy.get().orElse(null);
            if (expected == null) {
                // Zones on with nothing pending: allow a grace from when it was first seen.
                idleSince = idleSince == null ? now : idleSince;
                if (!now.isAfter(idleSince.plus(grace))) {
                    return;
                }
            } else {
                idleSince = null;
                if (!now.isAfter(expected.plus(grace))) {
                    return;
                }
            }
            Instant stall = expected == null ? idleSince : expected;
            if (stall.equals(trippedFor)) {
                return;
            }
            trippedFor = stall;
            relays.allOff();
            String detail = expected == null
                    ? "zones were on with nothing planned: switched every zone off"
                    : "the playout did not act by " + expected + " (grace " + grace.toSeconds()
                            + " s): switched every zone off";
            log.error("station {} playout stalled: {}", station, detail);
            events.publish("playout-stalled", Severity.FAULT, detail);
        } catch (RuntimeException e) {
            log.warn("station {} playout watchdog could not check the relays: {}", station, e.toString());
        }
    }
}
