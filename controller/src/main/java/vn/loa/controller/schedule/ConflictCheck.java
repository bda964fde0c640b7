package vn.loa.controller.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.loa.controller.api.ApiException;

/**
 * Finds the zones that a new schedule would make busy while an existing schedule of the same class
 * already uses them (at creation: a 409; before it, for the console: the list). A higher class wins
 * at playout, so only equal classes collide.
 */
final class ConflictCheck {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ConflictCheck() {
    }

    /** A 409 naming the first conflict (or occurrences overlapping each other); nothing when there is none. */
    static void check(Schedule candidate, long candidateDuration, List<Schedule> existing,
                      Map<String, Long> durations, RegistrySnapshot registry, Instant from, Instant to) {
        List<Conflict> found = find(candidate, candidateDuration, existing, durations, registry, from, to, 1);
        if (!found.isEmpty()) {
            Conflict first = found.get(0);
            throw new ApiException(409, "schedule_conflict", "conflicts with schedule " + first.schedule()
                    + " (bulletin " + first.bulletinId() + ", class " + first.bulletinClass().wireName()
                    + ") on station " + first.station() + " zone " + first.channel() + " at "
                    + LOCAL.format(first.at()) + " (Asia/Ho_Chi_Minh)");
        }
    }

    /**
     * Every zone that the candidate would make busy while an active schedule of the same class uses
     * it, with the first clash on it, up to {@code limit}; a 409 when the candidate's own occurrences
     * overlap each other (the bulletin is longer than the time between them).
     */
    static List<Conflict> find(Schedule candidate, long candidateDuration, List<Schedule> existing,
                               Map<String, Long> durations, RegistrySnapshot registry, Instant from, Instant to,
                               int limit) {
        Map<String, Set<Integer>> reached = registry.resolve(candidate.targets());
        List<Instant> starts = candidate.recurrence().between(from, to);
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i - 1).plusMillis(candidateDuration).isAfter(starts.get(i))) {
                throw ApiException.conflict("occurrences of this schedule overlap each other (at "
                        + LOCAL.format(local(starts.get(i))) + "): the bulletin is longer than the time between them");
            }
        }
        List<Conflict> found = new ArrayList<>();
        for (Schedule other : existing) {
            Long otherDuration = durations.get(other.bulletinId());
            if (found.size() >= limit || !other.active() || otherDuration == null
                    || other.bulletinClass() != candidate.bulletinClass()) {
                continue;
            }
            List<ZoneTarget> shared = sharedZones(reached, registry.resolveLeniently(other.targets()));
            if (shared.isEmpty()) {
                continue;
            }
            List<Instant> otherStarts = other.recurrence().between(from.minusMillis(otherDuration), to);
            Instant clash = firstOverlap(starts, candidateDuration, otherStarts, otherDuration);
            if (clash == null) {
                continue;
            }
            for (ZoneTarget zone : shared) {
                if (found.size() < limit) {
                    found.add(new Conflict(other.id(), other.bulletinId(), other.bulletinClass(), zone.station(),
                            zone.channel(), local(clash)));
                }
            }
        }
        return found;
    }

    /** The zones both reach, ordered by station and channel. */
    private static List<ZoneTarget> sharedZones(Map<String, Set<Integer>> a, Map<String, Set<Integer>> b) {
        List<ZoneTarget> shared = new ArrayList<>();
        for (Map.Entry<String, Set<Integer>> station : new TreeMap<>(a).entrySet()) {
            Set<Integer> other = b.get(station.getKey());
            if (other != null) {
                station.getValue().stream().filter(other::contains).sorted()
                        .forEach(channel -> shared.add(new ZoneTarget(station.getKey(), channel)));
            }
        }
        return shared;
    }

    /** Both lists sorted; a sweep finds the first pair of overlapping intervals. */
    private static Instant firstOverlap(List<Instant> a, long aDuration, List<Instant> b, long bDuration) {
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Instant aStart = a.get(i);
            Instant bStart = b.get(j);
            Instant aEnd = aStart.plusMillis(aDuration);
            Instant bEnd = bStart.plusMillis(bDuration);
            if (aStart.isBefore(bEnd) && bStart.isBefore(aEnd)) {
                return aStart.isAfter(bStart) ? aStart : bStart;
            }
            if (aEnd.isAfter(bEnd)) {
                j++;
            } else {
                i++;
            }
        }
        return null;
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, BroadcastTime.ZONE);
    }
}
