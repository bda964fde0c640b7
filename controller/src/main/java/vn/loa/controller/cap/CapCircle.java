package vn.loa.controller.cap;

import java.util.Objects;

/** A CAP {@code circle}: a centre and a radius in kilometres. Points at most that far away are in it. */
public record CapCircle(GeoPoint centre, double radiusKm) {
    /** Slack for rounding, in kilometres (1 mm): a point exactly on the circle counts as in it. */
    private static final double EDGE_TOLERANCE_KM = 1e-6;

    public CapCircle {
        Objects.requireNonNull(centre, "centre");
        if (!(radiusKm >= 0) || Double.isInfinite(radiusKm)) {
            throw new IllegalArgumentException("a circle's radius must be a number of kilometres >= 0, got "
                    + radiusKm);
        }
    }

    public boolean contains(GeoPoint point) {
        return centre.distanceKm(point) <= radiusKm + EDGE_TOLERANCE_KM;
    }
}
