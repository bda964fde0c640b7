package vn.loa.agent.playout;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import vn.loa.agent.audio.AudioSource;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.player.Player;
import vn.loa.agent.relay.RelayBoard;
import vn.loa.agent.store.PlanStore;
import vn.loa.agent.store.PlayoutJournal;
import vn.loa.agent.timing.TaskScheduler;
import vn.loa.protocol.EmergencyProgress;

/**
 * What a {@link Playout} works with, built by the composition root (or a test).
 *
 * @param channels         the relay channels (zones) the station has
 * @param thread           the playout's own thread
 * @param receiptsWritten  told after receipts were added to the outbox (wakes the sender); must return at once
 * @param planAcks         told the plan version now held, after every plan received; must return at once
 * @param agentStartedAt   when this run of the agent began (to word the reason of a missed broadcast)
 * @param emergencyProgress told each live emergency progress message to publish; must return at once
 */
public record PlayoutParts(String station, PlayoutSettings settings, Set<Integer> channels, Clock clock,
                           TaskScheduler thread, RelayBoard relays, Player player, AudioSource audio, PlanStore plans,
                           PlayoutJournal journal, Runnable receiptsWritten, LongConsumer planAcks,
                           Instant agentStartedAt, Consumer<EmergencyProgress> emergencyProgress) {
    public PlayoutParts {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(settings, "settings");
        channels = Set.copyOf(channels);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(relays, "relays");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(receiptsWritten, "receiptsWritten");
        Objects.requireNonNull(planAcks, "planAcks");
        Objects.requireNonNull(agentStartedAt, "agentStartedAt");
        Objects.requireNonNull(emergencyProgress, "emergencyProgress");
    }

    /** Parts of a station whose emergency progress goes nowhere (tests of scheduled playout). */
    public PlayoutParts(String station, PlayoutSettings settings, Set<Integer> channels, Clock clock,
                        TaskScheduler thread, RelayBoard relays, Player player, AudioSource audio, PlanStore plans,
                        PlayoutJournal journal, Runnable receiptsWritten, LongConsumer planAcks,
                        Instant agentStartedAt) {
        this(station, settings, channels, clock, thread, relays, player, audio, plans, journal, receiptsWritten,
                planAcks, agentStartedAt, progress -> { });
    }
}
