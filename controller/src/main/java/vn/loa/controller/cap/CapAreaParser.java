package vn.loa.controller.cap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads CAP {@code area} blocks: {@code areaDesc}, {@code polygon}, {@code circle}, {@code geocode}. */
final class CapAreaParser {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private CapAreaParser() {
    }

    static CapArea area(CapNode area) {
        String description = area.required("areaDesc");
        List<CapPolygon> polygons = area.texts("polygon").stream().map(text -> polygon(area, text)).toList();
        List<CapCircle> circles = area.texts("circle").stream().map(text -> circle(area, text)).toList();
        List<CapNamedValue> geocodes = area.children("geocode").stream().map(CapParser::namedValue).toList();
        return new CapArea(description, polygons, circles, geocodes);
    }

    /** {@code "lat,lon lat,lon ..."}: at least four points, the first equal to the last. */
    private static CapPolygon polygon(CapNode area, String text) {
        List<GeoPoint> points = new ArrayList<>();
        for (String pair : text.split("\\s+")) {
            points.add(point(area, "polygon", pair));
        }
        if (points.size() < 4) {
            throw area.problem("element 'polygon'" + area.where() + " must have at least 4 points, the first "
                    + "equal to the last, got " + points.size() + ": '" + text + "'");
        }
        GeoPoint first = points.get(0);
        GeoPoint last = points.get(points.size() - 1);
        if (!first.equals(last)) {
            throw area.problem("element 'polygon'" + area.where() + " must end where it begins: first point "
                    + first + ", last point " + last);
        }
        return new CapPolygon(points);
    }

    /** {@code "lat,lon radius"}, the radius in kilometres. */
    private static CapCircle circle(CapNode area, String text) {
        String[] parts = text.split("\\s+");
        if (parts.length != 2 || !NUMBER.matcher(parts[1]).matches() || parts[1].startsWith("-")) {
            throw area.problem("element 'circle'" + area.where() + " must be 'latitude,longitude radius' with "
                    + "the radius in kilometres, got '" + text + "'");
        }
        return new CapCircle(point(area, "circle", parts[0]), Double.parseDouble(parts[1]));
    }

    private static GeoPoint point(CapNode area, String name, String pair) {
        String[] parts = pair.split(",", -1);
        if (parts.length != 2 || !NUMBER.matcher(parts[0]).matches() || !NUMBER.matcher(parts[1]).matches()) {
            throw area.problem("element '" + name + "'" + area.where() + " has a point that is not "
                    + "'latitude,longitude' in decimal degrees: '" + pair + "'");
        }
        double latitude = Double.parseDouble(parts[0]);
        double longitude = Double.parseDouble(parts[1]);
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw area.problem("element '" + name + "'" + area.where() + " has a point out of range: '" + pair
                    + "' (latitude must be -90..90, longitude -180..180)");
        }
        return new GeoPoint(latitude, longitude);
    }
}
