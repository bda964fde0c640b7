package vn.loa.controller.access;

import java.util.Set;

/**
 * Where a user holds a permission: {@code everywhere}, or the areas of their grants ({@code roots})
 * with every area below them ({@code covered}) and every area above them ({@code above}).
 */
public record Scope(boolean everywhere, Set<Long> roots, Set<Long> covered, Set<Long> above) {
    public static final Scope NOWHERE = new Scope(false, Set.of(), Set.of(), Set.of());
    public static final Scope EVERYWHERE = new Scope(true, Set.of(), Set.of(), Set.of());

    public Scope {
        roots = Set.copyOf(roots);
        covered = Set.copyOf(covered);
        above = Set.copyOf(above);
    }

    public boolean isEmpty() {
        return !everywhere && roots.isEmpty();
    }

    /** Whether the area lies in the user's areas (an area of their grants or below one). */
    public boolean covers(long areaId) {
        return everywhere || covered.contains(areaId);
    }

    /**
     * Whether the area is in the user's areas or above them: a district's bulletin or schedule
     * concerns the communes in it, so their staff see it.
     */
    public boolean touches(long areaId) {
        return everywhere || covered.contains(areaId) || above.contains(areaId);
    }
}
