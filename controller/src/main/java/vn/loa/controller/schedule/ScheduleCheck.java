package vn.loa.controller.schedule;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What creating a schedule would meet, before it is stored: the zones it would share with other
 * schedules of its class, and its first occurrences ahead (local times in Asia/Ho_Chi_Minh).
 */
public record ScheduleCheck(List<Conflict> conflicts, List<LocalDateTime> firstOccurrences) {
    public ScheduleCheck {
        conflicts = List.copyOf(conflicts);
        firstOccurrences = List.copyOf(firstOccurrences);
    }
}
