package vn.loa.agent.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.loa.agent.audio.AudioNeed;
import vn.loa.agent.store.PlayoutRecord;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlannedBroadcast;

/**
 * The rules that decide which broadcast may warm up and which may begin, given the one playing.
 * <ul>
 *   <li>A broadcast may <b>begin</b> when nothing plays, or when it outranks what plays (a higher
 *       {@code BulletinClass} interrupts a lower one, which is reported {@code partly-played}).</li>
 *   <li>A broadcast that collides with one of <b>equal or higher class</b> already playing waits for
 *       it to end, and then begins only if that is still within the late tolerance of its own
 *       planned start; otherwise it is {@code missed}. (Domain: when two priority bulletins collide
 *       "the commune decides"; the controller refuses such collisions at scheduling time, so here the
 *       one that began first keeps the air and the later one is never played late.)</li>
 *   <li>Among several due at once, the highest class begins, then the earliest planned start.</li>
 *   <li>A broadcast's zones <b>warm up</b> from {@code warmUp} before its start if it may begin
 *       then, or if the one playing is due to end by its start (back-to-back broadcasts start on
 *       time; a newly powered zone may hear the last seconds of the one before).</li>
 * </ul>
 */
final class Lineup {
    private Lineup() {
    }

    /** The broadcasts of the plan still to begin (or to resume), by due instant. */
    static List<Candidate> of(Plan plan, Map<String, PlayoutRecord> records, Map<String, Resume> resumes, Run active,
                              Duration lateTolerance, Duration warmUp, List<Candidate> emergencies) {
        List<Candidate> lineup = new ArrayList<>(emergencies);
        if (plan == null) {
            lineup.sort(Comparator.comparing(Candidate::due));
            return lineup;
        }
        Set<String> seen = new HashSet<>();
        for (PlannedBroadcast broadcast : plan.broadcasts()) {
            String id = broadcast.broadcastId();
            if (!seen.add(id) || active != null && active.id().equals(id)) {
                continue;
            }
            Resume resume = resumes.get(id);
            if (resume == null && records.containsKey(id)) {
                continue;
            }
            if (resume == null) {
                lineup.add(new Candidate(broadcast, broadcast.start(), broadcast.start().plus(lateTolerance), null,
                        warmUp, false));
            } else if (resume.seek()) {
                Instant first = resume.record().actualStart();
                lineup.add(new Candidate(broadcast, first, first.plusMillis(broadcast.durationMillis()), resume,
                        warmUp, false));
            } else {
                lineup.add(new Candidate(broadcast, broadcast.start(), broadcast.start().plus(lateTolerance), resume,
                        warmUp, false));
            }
        }
        lineup.sort(Comparator.comparing(Candidate::due));
        return lineup;
    }

    static boolean mayBegin(Candidate candidate, Run active) {
        return active == null || candidate.bulletinClass().outranks(active.broadcast().bulletinClass());
    }

    static boolean mayWarmUp(Candidate candidate, Run active) {
        return mayBegin(candidate, active) || !active.expectedEnd().isAfter(candidate.due());
    }

    /**
     * How long an emergency's zones stay on waiting for audio still downloading after its warm-up;
     * then they go off (amplifiers on battery, no sound) and on again, warming up, once it is here.
     */
    static final Duration AUDIO_WAIT = Duration.ofSeconds(30);

    /** When standby audio (the standard emergency messages) is needed: after everything else. */
    static final Instant STANDBY = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * The audio the broadcast playing and the candidates need, soonest first, then the plan's
     * standby audio, kept ready for an emergency (never evicted, fetched when nothing is sooner).
     */
    static List<AudioNeed> needs(Run active, List<Candidate> lineup, List<AudioRef> standby) {
        List<AudioNeed> needs = new ArrayList<>();
        if (active != null) {
            needs.add(new AudioNeed(active.broadcast().audio(), active.broadcast().bulletinId(), active.actualStart()));
        }
        for (Candidate candidate : lineup) {
            needs.add(new AudioNeed(candidate.broadcast().audio(), candidate.broadcast().bulletinId(), candidate.due()));
        }
        for (AudioRef audio : standby) {
            needs.add(new AudioNeed(audio, "standby", STANDBY));
        }
        return List.copyOf(needs);
    }

    /** The next instant after {@code now} that matters: a warm-up, a start, a deadline, zones warm, a hold's end. */
    static Instant nextWake(List<Candidate> lineup, ZoneSwitcher zones, Instant now) {
        Instant next = zones.nextHoldEnd(now);
        for (Candidate candidate : lineup) {
            Duration warmUp = candidate.warmUp();
            Instant warm = candidate.due().minus(warmUp);
            next = sooner(next, warm, now);
            next = sooner(next, candidate.due(), now);
            next = sooner(next, candidate.deadline().plusNanos(1), now);
            if (candidate.immediate()) {
                next = sooner(next, candidate.due().plus(AUDIO_WAIT), now);
            }
            if (!now.isBefore(warm)) {
                next = sooner(next, zones.readyAt(candidate.broadcast().zones(), warmUp, now), now);
            }
        }
        return next;
    }

    private static Instant sooner(Instant current, Instant candidate, Instant now) {
        if (candidate == null || !candidate.isAfter(now)) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    /** The zones that should be on: the broadcast playing, those warming up, those held. */
    static Set<Integer> wantedZones(List<Candidate> lineup, Run active, ZoneSwitcher zones, Instant now,
                                    Predicate<Candidate> playable) {
        Set<Integer> wanted = new HashSet<>();
        if (active != null) {
            wanted.addAll(zones.known(active.broadcast().zones()));
        }
        for (Candidate candidate : lineup) {
            if (!now.isBefore(candidate.due().minus(candidate.warmUp())) && mayWarmUp(candidate, active)
                    && (playable.test(candidate) || candidate.immediate()
                    && now.isBefore(candidate.due().plus(AUDIO_WAIT)))) {
                wanted.addAll(zones.known(candidate.broadcast().zones()));
            }
        }
        wanted.addAll(zones.holding(now));
        return wanted;
    }

    /**
     * The candidate to begin now, if any: due, audio verified, allowed to begin, zones warm. One
     * held back by the broadcast playing is noted in {@code blockedBy} (to word its receipt).
     */
    static Candidate ready(List<Candidate> lineup, Run active, ZoneSwitcher zones, Instant now,
                           Predicate<Candidate> playable, Map<String, Run> blockedBy) {
        Candidate best = null;
        for (Candidate candidate : lineup) {
            if (candidate.due().isAfter(now) || !playable.test(candidate)) {
                continue;
            }
            if (!mayBegin(candidate, active)) {
                blockedBy.putIfAbsent(candidate.id(), active);
                continue;
            }
            if (zones.readyAt(candidate.broadcast().zones(), candidate.warmUp(), now).isAfter(now)) {
                continue;
            }
            if (best == null || goesBefore(candidate, best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** Whether {@code a} goes before {@code b} when both are due. */
    static boolean goesBefore(Candidate a, Candidate b) {
        if (a.bulletinClass() != b.bulletinClass()) {
            return a.bulletinClass().outranks(b.bulletinClass());
        }
        return a.due().isBefore(b.due());
    }
}
