package vn.loa.controller.cap;

import java.util.List;

/**
 * A CAP {@code polygon}: a closed ring of at least four points, the first equal to the last. Points
 * inside it, or on its edges, are in it. Latitude and longitude are treated as plane coordinates,
 * which is accurate at the size of a commune or a province (and Vietnam is far from the date line).
 */
public record CapPolygon(List<GeoPoint> points) {
    /** How close to an edge, in degrees (about 0.1 mm), a point counts as on it. */
    private static final double EDGE_TOLERANCE_DEGREES = 1e-9;

    public CapPolygon {
        points = List.copyOf(points);
        if (points.size() < 4 || !points.get(0).equals(points.get(points.size() - 1))) {
            throw new IllegalArgumentException("a polygon needs at least 4 points, the first equal to the last, got "
                    + points);
        }
    }

    public boolean contains(GeoPoint point) {
        double x = point.longitude();
        double y = point.latitude();
        boolean inside = false;
        for (int i = 0; i + 1 < points.size(); i++) {
            GeoPoint a = points.get(i);
            GeoPoint b = points.get(i + 1);
            if (onSegment(x, y, a.longitude(), a.latitude(), b.longitude(), b.latitude())) {
                return true;
            }
            if ((a.latitude() > y) != (b.latitude() > y)) {
                double crossingX = a.longitude() + (y - a.latitude()) * (b.longitude() - a.longitude())
                        / (b.latitude() - a.latitude());
                if (x < crossingX) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private static boolean onSegment(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= EDGE_TOLERANCE_DEGREES;
    }
}
