package vn.loa.agent.playout;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.audio.AudioNeed;
import vn.loa.agent.store.PlayoutRecord;
import vn.loa.agent.store.StoreException;
import vn.loa.agent.timing.TaskScheduler;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyIds;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlannedBroadcast;
import vn.loa.protocol.ReceiptState;

/**
 * Plays the station's plan at the planned instants by the station's own clock, whether or not the
 * broker or the controller can be reached, and writes a receipt for everything that happens.
 *
 * <p>Timing: there is no polling. After every change (a plan, the end of a playback, a file
 * ready) the playout works out the next instant that matters (a warm-up, a start, a deadline, the
 * end of a hold) and arms one {@link WakeTimer} for it.
 *
 * <p>Per broadcast: zones on {@code warmUp} before the audio, audio at the planned start, zones off
 * {@code hold} after the end (see {@link Lineup} for collisions and preemption). Receipts:
 * {@code started} when the audio begins, then exactly one of {@code finished},
 * {@code partly-played}, {@code missed} or {@code failed}. A start later than the late tolerance is
 * {@code missed}, never played late; audio that is still missing (or failed its checksum) when the
 * tolerance runs out is {@code failed}, with the download's problem as reason. Each state change is
 * written with its receipt in one transaction before anything else happens, so a broadcast whose
 * audio began is never begun again after a restart (unless {@code afterReboot: resume} says so).
 *
 * <p>After a restart, a broadcast whose audio had begun: {@code skip} (default) reports it
 * {@code partly-played} with reason "agent restarted" (actual end = the clean shutdown, or absent
 * after a crash); {@code resume} plays the rest of it from where it would be now if the player can
 * seek (reported {@code partly-played}, as a part was lost), or else again from the beginning while
 * that is within the late tolerance (reported {@code finished} with a reason), and otherwise skips it.
 *
 * <p>Emergency announcements ({@link Emergencies}) join the lineup as broadcasts of class emergency:
 * what plays is cut at once (partly played), their zones go on at once, before the audio is here,
 * and the audio plays every repetition after the announcement's warm-up; a stop ends it at once,
 * zones off without a hold, and the plan takes over again.
 *
 * <p>Thread: everything runs on the playout's own thread; the public methods hand work to it.
 */
public final class Playout {
    private static final Logger log = LoggerFactory.getLogger(Playout.class);
    private static final Duration KEEP_DONE = Duration.ofDays(7);
    private static final String RESTARTED = OnAir.RESTARTED;

    private final PlayoutParts parts;
    private final String station;
    private final Clock clock;
    private final TaskScheduler thread;
    private final Duration warmUp;
    private final Duration hold;
    private final Duration tolerance;
    private final ZoneSwitcher zones;
    private final PlayoutLedger ledger;
    private final WakeTimer timer;
    private final Emergencies emergencies;
    private final OnAir onAir;
    private volatile long heldVersion;
    /** By when the playout thread must act again while zones are on; read by the {@link PlayoutWatchdog}. */
    private volatile Instant actionExpectedBy;
    // the playout thread's own state
    private Plan plan;
    private Instant planReceivedAt = Instant.MIN;
    private final Map<String, Resume> resumes = new HashMap<>();
    private final Map<String, Run> blockedBy = new HashMap<>();
    private boolean closing;
    private List<AudioNeed> lastNeeds = List.of();

    /** Reads the plan and the journal; nothing runs until {@link #start()}. */
    public Playout(PlayoutParts parts) {
        this.parts = parts;
        this.station = parts.station();
        this.clock = parts.clock();
        this.thread = parts.thread();
        this.warmUp = parts.settings().warmUp();
        this.hold = parts.settings().hold();
        this.tolerance = parts.settings().lateTolerance();
        this.zones = new ZoneSwitcher(station, parts.relays(), parts.channels());
        this.ledger = new PlayoutLedger(station, parts.journal(), clock, parts.receiptsWritten());
        this.timer = new WakeTimer(thread, clock, this::evaluate);
        this.emergencies = new Emergencies(station, parts.channels(), clock, parts.emergencyProgress(),
                parts.plans());
        this.onAir = new OnAir(station, clock, thread, parts.player(), zones, ledger, emergencies, hold,
                () -> closing, this::evaluate);
        this.plan = parts.plans().load().orElse(null);
        this.heldVersion = plan == null ? 0 : plan.version();
    }

    /** Deals with broadcasts cut by the last shutdown, then plays the plan held. */
    public void start() {
        thread.execute(this::recover);
    }

    /** A plan from the controller (any thread). Answered with the version held, whether it was newer or not. */
    public void offer(Plan offered) {
        thread.execute(() -> accept(offered));
    }

    /** An emergency announcement (any thread); acted on only if it names this station. */
    public void emergency(Emergency emergency) {
        thread.execute(() -> acceptEmergency(emergency));
    }

    /** Stops an emergency announcement (any thread); acted on only if it concerns this station. */
    public void stopEmergency(EmergencyStop stop) {
        thread.execute(() -> stop(stop));
    }

    /** A file became playable (any thread). */
    public void audioReady(String sha256) {
        thread.execute(this::evaluate);
    }

    /** The version of the plan held; 0 for none. Any thread. */
    public long heldVersion() {
        return heldVersion;
    }

    /** Stops playing: the broadcast playing is noted as cut by a shutdown, relays go off. Idempotent; any thread. */
    public void close() {
        thread.execute(this::shutDown);
    }

    private void recover() {
        Instant now = clock.instant();
        emergencies.restore();
        for (PlayoutRecord record : ledger.unfinished()) {
            afterRestart(record, now);
        }
        log.info("station {} playout ready: plan version {}, {} broadcast(s) remembered", station, heldVersion,
                ledger.records().size());
        evaluate();
    }

    private void afterRestart(PlayoutRecord record, Instant now) {
        Optional<EmergencyOrder> emergency = emergencies.byBroadcast(record.broadcastId());
        if (emergency.isPresent() && now.isBefore(emergency.get().emergency().validUntil())) {
            resumes.put(record.broadcastId(), new Resume(record, false));
            log.warn("station {} plays emergency announcement {} again from the beginning: a restart cut it",
                    station, emergency.get().emergencyId());
            return;
        }
        Optional<Resume> resume = Resume.after(record, find(record.broadcastId()), parts.settings(),
                parts.player().canSeek(), now);
        if (resume.isPresent()) {
            resumes.put(record.broadcastId(), resume.get());
            log.info("station {} will resume broadcast {} cut by the restart ({})", station, record.broadcastId(),
                    resume.get().seek() ? "from where it would be now" : "from the beginning");
        } else {
            ledger.cutByRestart(record, RESTARTED);
        }
    }

    private void accept(Plan offered) {
        if (closing) {
            return;
        }
        if (!station.equals(offered.station())) {
            log.warn("station {} ignores a plan for station {}", station, offered.station());
            return;
        }
        if (offered.version() <= heldVersion) {
            log.debug("station {} already holds plan version {}; ignoring version {}", station, heldVersion,
                    offered.version());
            parts.planAcks().accept(heldVersion);
            return;
        }
        Instant now = clock.instant();
        try {
            parts.plans().save(offered, now);
        } catch (StoreException e) {
            log.error("station {} cannot store plan version {}: {}", station, offered.version(), e.getMessage());
            return; // not acknowledged: the controller sends it again
        }
        plan = offered;
        planReceivedAt = now;
        heldVersion = offered.version();
        log.info("station {} holds plan version {}: {} broadcast(s) from {} until {}", station, offered.version(),
                offered.broadcasts().size(), offered.from(), offered.until());
        dropCancelled(now);
        Instant from = plan.from().isBefore(now) ? plan.from() : now;
        ledger.forgetDoneBefore(from.minus(KEEP_DONE));
        parts.planAcks().accept(heldVersion);
        evaluate();
    }

    /**
     * The broadcast playing is stopped if the new plan's window holds its start but not the
     * broadcast itself (the controller called it off); one that began before the window goes on.
     */
    private void dropCancelled(Instant now) {
        Run active = onAir.active();
        if (active != null && find(active.id()) == null && plan.covers(active.broadcast().start())) {
            onAir.cut("cancelled: not in plan version " + plan.version());
            zones.hold(active.zonesOn(), now.plus(hold));
        }
        for (Resume resume : List.copyOf(resumes.values())) {
            if (find(resume.record().broadcastId()) == null) {
                resumes.remove(resume.record().broadcastId());
                ledger.cutByRestart(resume.record(), RESTARTED);
            }
        }
    }

    private void evaluate() {
        if (closing) {
            return;
        }
        Instant now = clock.instant();
        List<Candidate> lineup = expire(Lineup.of(plan, ledger.records(), resumes, onAir.active(), tolerance, warmUp,
                emergencies.candidates(ledger.records(), onAir.activeId(), resumes)), now);
        zones.apply(Lineup.wantedZones(lineup, onAir.active(), zones, now, this::isPlayable), now);
        emergencies.reportZonesOn(zones, onAir.activeId());
        Candidate next = Lineup.ready(lineup, onAir.active(), zones, now, this::isPlayable, blockedBy);
        if (next != null) {
            onAir.begin(next, playable(next).orElseThrow());
            resumes.remove(next.id());
            blockedBy.remove(next.id());
            lineup.remove(next);
            now = clock.instant();
            zones.apply(Lineup.wantedZones(lineup, onAir.active(), zones, now, this::isPlayable), now);
            emergencies.reportZonesOn(zones, onAir.activeId());
        }
        publishNeeds(lineup);
        Instant wake = Lineup.nextWake(lineup, zones, now);
        timer.arm(wake);
        Run active = onAir.active();
        Instant end = active == null ? null : active.expectedEnd();
        actionExpectedBy = wake == null ? end : end == null || wake.isBefore(end) ? wake : end;
    }

    /** By when the playout thread should run again (empty: nothing pending). Any thread. */
    public Optional<Instant> actionExpectedBy() {
        return Optional.ofNullable(actionExpectedBy);
    }

    /** Ends the candidates that can no longer begin; returns the others. */
    private List<Candidate> expire(List<Candidate> lineup, Instant now) {
        List<Candidate> remaining = new ArrayList<>();
        for (Candidate candidate : lineup) {
            boolean due = !candidate.due().isAfter(now);
            boolean noZones = zones.known(candidate.broadcast().zones()).isEmpty();
            boolean tooLate = now.isAfter(candidate.deadline()) || due && Lineup.mayBegin(candidate, onAir.active())
                    && playable(candidate).isPresent()
                    && zones.readyAt(candidate.broadcast().zones(), candidate.warmUp(), now).isAfter(candidate.deadline());
            if (due && noZones || tooLate) {
                expireOne(candidate, noZones);
            } else {
                remaining.add(candidate);
            }
        }
        return remaining;
    }

    private void expireOne(Candidate candidate, boolean noZones) {
        if (candidate.resume() != null) {
            resumes.remove(candidate.id());
            ledger.cutByRestart(candidate.resume().record(), RESTARTED);
            emergencies.done(candidate.id());
            return;
        }
        PlannedBroadcast broadcast = candidate.broadcast();
        ReceiptState state;
        String reason;
        if (noZones) {
            state = ReceiptState.FAILED;
            reason = "none of its zones " + broadcast.zones() + " exist at this station";
        } else if (playable(candidate).isEmpty()) {
            state = ReceiptState.FAILED;
            reason = "audio not available: " + parts.audio().whyUnavailable(candidate.sha256());
        } else {
            state = ReceiptState.MISSED;
            reason = missedReason(candidate);
        }
        blockedBy.remove(candidate.id());
        log.warn("station {} broadcast {} (bulletin {}, planned {}) {}: {}", station, candidate.id(),
                broadcast.bulletinId(), broadcast.start(), PlayoutLedger.wire(state), reason);
        ledger.ended(broadcast, state, null, null, List.of(), reason);
        emergencies.done(candidate.id());
    }

    private String missedReason(Candidate candidate) {
        if (candidate.immediate()) {
            return "could not begin before the announcement's validity ended at " + candidate.deadline();
        }
        Run blocker = blockedBy.get(candidate.id());
        if (blocker != null) {
            return "overlapped by " + blocker.broadcast().bulletinClass().wireName() + " broadcast " + blocker.id()
                    + ", still playing when the late tolerance of " + tolerance.toSeconds() + " s ran out";
        }
        if (candidate.deadline().isBefore(parts.agentStartedAt())) {
            return "the agent was not running at the planned start";
        }
        if (candidate.deadline().isBefore(planReceivedAt)) {
            return "the plan reached the station after the planned start";
        }
        return "could not begin within the late tolerance of " + tolerance.toSeconds() + " s";
    }

    private void acceptEmergency(Emergency emergency) {
        if (closing) {
            return;
        }
        Emergencies.Arrival arrival = emergencies.arrived(emergency,
                ledger.records().containsKey(emergency.broadcastId()));
        if (arrival instanceof Emergencies.Ignored ignored) {
            log.debug("station {} ignores emergency announcement {}: {}", station, emergency.emergencyId(),
                    ignored.why());
            return;
        }
        if (arrival instanceof Emergencies.TooLate late) {
            log.warn("station {} missed emergency announcement {}: {}", station, emergency.emergencyId(), late.reason());
            ledger.ended(late.broadcast(), ReceiptState.MISSED, null, null, List.of(), late.reason());
            return;
        }
        EmergencyOrder order = ((Emergencies.Accepted) arrival).order();
        if (onAir.active() != null && Lineup.mayBegin(order.candidate(), onAir.active())) {
            onAir.cut("interrupted by emergency announcement " + order.emergencyId());
        }
        evaluate();
        // the relays first; the note on disk and the log line as the thread's next task
        thread.execute(() -> {
            log.info("station {} received emergency announcement {} ({}, risk level {}, {} play(s), valid until {})",
                    station, order.emergencyId(), order.emergency().title(), order.emergency().riskLevel(),
                    order.plays(), order.emergency().validUntil());
            emergencies.settle(order);
        });
    }

    private void stop(EmergencyStop stop) {
        if (closing || !station.equals(stop.station())) {
            return;
        }
        Optional<EmergencyOrder> order = emergencies.stop(stop);
        String reason = stop.reason() == null ? "stopped" : stop.reason();
        String broadcastId = EmergencyIds.broadcastId(stop.emergencyId());
        Resume waiting = resumes.remove(broadcastId);
        if (broadcastId.equals(onAir.activeId())) {
            onAir.cut(reason);
        } else if (waiting != null) {
            ledger.cutByRestart(waiting.record(), reason); // cut by the restart, then stopped before it played again
        } else if (order.isPresent() && !ledger.records().containsKey(broadcastId)) {
            ledger.ended(order.get().broadcast(), ReceiptState.MISSED, null, null, List.of(),
                    reason + " before its audio began");
        }
        if (order.isPresent()) {
            log.info("station {} stopped emergency announcement {}", station, stop.emergencyId());
        }
        evaluate();
    }

    private void publishNeeds(List<Candidate> lineup) {
        List<AudioNeed> needs = Lineup.needs(onAir.active(), lineup, plan == null ? List.of() : plan.standby());
        if (!needs.equals(lastNeeds)) {
            lastNeeds = needs;
            parts.audio().need(needs);
        }
    }

    private void shutDown() {
        if (closing) {
            return;
        }
        closing = true;
        actionExpectedBy = null;
        timer.cancel();
        onAir.shutDown();
        zones.allOff();
    }

    private Optional<Path> playable(Candidate candidate) {
        return parts.audio().playable(candidate.sha256());
    }

    private boolean isPlayable(Candidate candidate) {
        return playable(candidate).isPresent();
    }

    private PlannedBroadcast find(String broadcastId) {
        Optional<EmergencyOrder> order = emergencies.byBroadcast(broadcastId);
        if (order.isPresent()) {
            return order.get().broadcast();
        }
        return plan == null ? null : plan.broadcast(broadcastId).orElse(null);
    }
}
