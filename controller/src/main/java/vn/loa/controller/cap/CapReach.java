package vn.loa.controller.cap;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a CAP alert reaches among ours. Area ids are the areas named by code; the caller reaches
 * their stations (the area's subtree) as for a schedule. Station ids are the stations inside a
 * polygon or circle.
 *
 * @param unmatchedDescriptions the {@code areaDesc} of each area block that reached nothing of ours
 */
public record CapReach(Set<Long> areaIds, Set<String> stationIds, List<String> unmatchedDescriptions) {
    public static final CapReach NOTHING = new CapReach(Set.of(), Set.of(), List.of());

    public CapReach {
        areaIds = Collections.unmodifiableSortedSet(new TreeSet<>(areaIds));
        stationIds = Collections.unmodifiableSortedSet(new TreeSet<>(stationIds));
        unmatchedDescriptions = List.copyOf(unmatchedDescriptions);
    }

    /** True when the alert reaches none of our areas or stations. */
    public boolean isEmpty() {
        return areaIds.isEmpty() && stationIds.isEmpty();
    }
}
