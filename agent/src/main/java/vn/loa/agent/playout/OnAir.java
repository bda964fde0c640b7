package vn.loa.agent.playout;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.player.PlayRequest;
import vn.loa.agent.player.PlaybackResult;
import vn.loa.agent.player.Player;
import vn.loa.agent.timing.TaskScheduler;
import vn.loa.protocol.PlannedBroadcast;
import vn.loa.protocol.ReceiptState;

/**
 * The broadcast on the air: begins it (the audio first, then what it interrupts and its own
 * receipt), repeats an emergency announcement's audio, cuts it short, and writes its final
 * receipt when the player is done, then holds its zones. {@code afterEnd} runs after each end so
 * the {@link Playout} can decide what comes next.
 *
 * <p>Thread: the playout thread only.
 */
final class OnAir {
    private static final Logger log = LoggerFactory.getLogger(OnAir.class);
    static final String RESTARTED = "agent restarted";

    private final String station;
    private final Clock clock;
    private final TaskScheduler thread;
    private final Player player;
    private final ZoneSwitcher zones;
    private final PlayoutLedger ledger;
    private final Emergencies emergencies;
    private final Duration hold;
    private final BooleanSupplier closing;
    private final Runnable afterEnd;
    private Run active;

    OnAir(String station, Clock clock, TaskScheduler thread, Player player, ZoneSwitcher zones, PlayoutLedger ledger,
          Emergencies emergencies, Duration hold, BooleanSupplier closing, Runnable afterEnd) {
        this.station = station;
        this.clock = clock;
        this.thread = thread;
        this.player = player;
        this.zones = zones;
        this.ledger = ledger;
        this.emergencies = emergencies;
        this.hold = hold;
        this.closing = closing;
        this.afterEnd = afterEnd;
    }

    /** The broadcast playing, or null. */
    Run active() {
        return active;
    }

    String activeId() {
        return active == null ? null : active.id();
    }

    /** Begins a candidate whose audio is this verified file; what played before is reported partly played. */
    void begin(Candidate candidate, Path file) {
        PlannedBroadcast broadcast = candidate.broadcast();
        Duration duration = Duration.ofMillis(broadcast.durationMillis());
        Duration offset = Duration.ZERO;
        if (candidate.resume() != null && candidate.resume().seek()) {
            offset = Duration.between(candidate.resume().record().actualStart(), clock.instant());
            offset = offset.isNegative() ? Duration.ZERO : offset.compareTo(duration) > 0 ? duration : offset;
        }
        List<Integer> on = zones.onAmong(broadcast.zones());
        Optional<EmergencyOrder> order = emergencies.byBroadcast(broadcast.broadcastId());
        Run previous = active;
        Instant actualStart = clock.instant();
        play(new Run(broadcast, actualStart, on, offset, candidate.resume(), file,
                order.map(EmergencyOrder::playLength).orElse(duration), order.map(EmergencyOrder::plays).orElse(1)));
        zones.releaseHolds();
        if (previous != null) {
            ledger.ended(previous.broadcast(), ReceiptState.PARTLY_PLAYED, previous.reportedStart(), actualStart,
                    previous.zonesOn(), "interrupted by " + broadcast.bulletinClass().wireName() + " broadcast "
                            + broadcast.broadcastId());
        }
        if (candidate.resume() == null) {
            ledger.started(broadcast, actualStart, on);
        }
        log.info("station {} began broadcast {} (bulletin {}, {}) {} ms after its planned start, on zones {}{}",
                station, broadcast.broadcastId(), broadcast.bulletinId(), broadcast.bulletinClass().wireName(),
                Duration.between(broadcast.start(), actualStart).toMillis(), on,
                offset.isZero() ? "" : ", " + offset.toSeconds() + " s into its audio");
    }

    /** Ends the broadcast playing now, partly played, without a hold. No-op when nothing plays. */
    Run cut(String reason) {
        Run run = active;
        if (run == null) {
            return null;
        }
        active = null;
        player.stop();
        ledger.ended(run.broadcast(), ReceiptState.PARTLY_PLAYED, run.reportedStart(), clock.instant(), run.zonesOn(),
                reason);
        emergencies.done(run.id());
        return run;
    }

    /** Stops the audio for a shutdown: noted as interrupted, for the next start to deal with. */
    void shutDown() {
        Run run = active;
        active = null;
        if (run != null) {
            ledger.interrupted(run.id(), clock.instant());
            player.stop();
            log.info("station {} stopped broadcast {} as it shuts down", station, run.id());
        }
    }

    /** Starts (or repeats) a run's audio; it becomes the active one. */
    private void play(Run run) {
        PlannedBroadcast broadcast = run.broadcast();
        Duration length = run.playLength();
        Duration offset = run.offset().compareTo(length) > 0 ? length : run.offset();
        CompletableFuture<PlaybackResult> playback = player.play(new PlayRequest(broadcast.broadcastId(),
                broadcast.bulletinId(), broadcast.title(), run.file(), length, offset));
        active = run;
        playback.whenComplete((result, failure) -> thread.execute(() -> ended(run, result, failure)));
    }

    private void ended(Run run, PlaybackResult result, Throwable failure) {
        if (closing.getAsBoolean() || active != run) {
            return; // interrupted, cancelled or shutting down: already reported (or left to the restart)
        }
        if (failure == null && result.outcome() == PlaybackResult.Outcome.COMPLETED && run.playsLeft() > 1) {
            play(run.nextPlay());
            return;
        }
        active = null;
        Instant end = result != null ? result.endedAt() : clock.instant();
        ReceiptState state;
        String reason = null;
        if (failure != null) {
            state = ReceiptState.FAILED;
            reason = "audio output failed: " + failure;
        } else if (result.outcome() == PlaybackResult.Outcome.STOPPED) {
            state = ReceiptState.PARTLY_PLAYED;
            reason = "playback stopped";
        } else if (run.resume() == null) {
            state = ReceiptState.FINISHED;
        } else if (run.resume().seek()) {
            state = ReceiptState.PARTLY_PLAYED;
            reason = RESTARTED + "; resumed " + run.offset().toSeconds() + " s into its audio";
        } else {
            state = ReceiptState.FINISHED;
            reason = "played again from the beginning after an agent restart";
        }
        ledger.ended(run.broadcast(), state, run.reportedStart(), end, run.zonesOn(), reason);
        emergencies.done(run.id());
        zones.hold(run.zonesOn(), end.plus(hold));
        afterEnd.run();
    }
}
