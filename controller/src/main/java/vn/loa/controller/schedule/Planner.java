package vn.loa.controller.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.loa.protocol.BulletinClass;

/**
 * Expands schedules into occurrences per station over a window, marking those that fall in quiet
 * hours (emergencies ignore them). Pure: everything it needs is passed in.
 */
public final class Planner {
    private Planner() {
    }

    public static Map<String, List<Occurrence>> occurrences(List<Schedule> schedules, RegistrySnapshot registry,
                                                             Map<Long, QuietHours> quietHours,
                                                             Map<String, Long> durations, Instant from, Instant to) {
        Map<String, List<Occurrence>> byStation = new HashMap<>();
        for (Schedule schedule : schedules) {
            Long duration = durations.get(schedule.bulletinId());
            if (!schedule.active() || duration == null) {
                continue;
            }
            Map<String, Set<Integer>> reached = registry.resolveLeniently(schedule.targets());
            if (reached.isEmpty()) {
                continue;
            }
            // An occurrence that started before 'from' may still be playing: look back one duration.
            List<Instant> starts = schedule.recurrence().between(from.minusMillis(duration), to);
            for (Map.Entry<String, Set<Integer>> station : reached.entrySet()) {
                Optional<QuietHours> quiet = schedule.bulletinClass() == BulletinClass.EMERGENCY ? Optional.empty()
                        : registry.quietHoursOf(station.getKey(), quietHours);
                List<Occurrence> list = byStation.computeIfAbsent(station.getKey(), id -> new ArrayList<>());
                for (Instant start : starts) {
                    list.add(new Occurrence(schedule.id(), Occurrence.broadcastId(schedule.id(), start),
                            station.getKey(), schedule.bulletinId(), schedule.bulletinClass(), start,
                            start.plusMillis(duration), List.copyOf(station.getValue()),
                            quiet.map(hours -> hours.covers(start)).orElse(false)));
                }
            }
        }
        Comparator<Occurrence> order = Comparator.comparing(Occurrence::start);
        byStation.values().forEach(list -> list.sort(order.thenComparing(occurrence -> occurrence.broadcastId())));
        return byStation;
    }
}
