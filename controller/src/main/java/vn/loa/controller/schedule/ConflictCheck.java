package vn.loa.controller.schedule;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.loa.controller.api.ApiException;

/**
 * Finds, at creation, a zone that a new schedule would make busy while an existing schedule of the
 * same class already uses it. A higher class wins at playout, so only equal classes collide.
 */
final class ConflictCheck {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ConflictCheck() {
    }

    static void check(Schedule candidate, long candidateDuration, List<Schedule> existing,
                      Map<String, Long> durations, RegistrySnapshot registry, Instant from, Instant to) {
        Map<String, Set<Integer>> reached = registry.resolve(candidate.targets());
        List<Instant> starts = candidate.recurrence().between(from, to);
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i - 1).plusMillis(candidateDuration).isAfter(starts.get(i))) {
                throw ApiException.conflict("occurrences of this schedule overlap each other (at "
                        + local(starts.get(i)) + "): the bulletin is longer than the time between them");
            }
        }
        for (Schedule other : existing) {
            Long otherDuration = durations.get(other.bulletinId());
            if (!other.active() || otherDuration == null || other.bulletinClass() != candidate.bulletinClass()) {
                continue;
            }
            Map<String, Set<Integer>> otherReached = registry.resolveLeniently(other.targets());
            String sharedZone = sharedZone(reached, otherReached);
            if (sharedZone == null) {
                continue;
            }
            List<Instant> otherStarts = other.recurrence().between(from.minusMillis(otherDuration), to);
            Instant clash = firstOverlap(starts, candidateDuration, otherStarts, otherDuration);
            if (clash != null) {
                throw new ApiException(409, "schedule_conflict", "conflicts with schedule " + other.id()
                        + " (bulletin " + other.bulletinId() + ", class " + other.bulletinClass().wireName()
                        + ") on " + sharedZone + " at " + local(clash) + " (Asia/Ho_Chi_Minh)");
            }
        }
    }

    private static String sharedZone(Map<String, Set<Integer>> a, Map<String, Set<Integer>> b) {
        for (Map.Entry<String, Set<Integer>> station : a.entrySet()) {
            Set<Integer> other = b.get(station.getKey());
            if (other != null) {
                for (int channel : station.getValue()) {
                    if (other.contains(channel)) {
                        return "station " + station.getKey() + " zone " + channel;
                    }
                }
            }
        }
        return null;
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

    private static String local(Instant instant) {
        return LOCAL.format(instant.atZone(BroadcastTime.ZONE));
    }
}
