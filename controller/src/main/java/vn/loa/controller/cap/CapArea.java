package vn.loa.controller.cap;

import java.util.List;
import java.util.Objects;

/**
 * A CAP {@code area} block: where an info applies. It reaches whatever any of its polygons, circles
 * or geocodes reaches.
 *
 * @param description the {@code areaDesc}, for people: "Xã Tân Lập, huyện Văn Bàn"
 */
public record CapArea(String description, List<CapPolygon> polygons, List<CapCircle> circles,
                      List<CapNamedValue> geocodes) {
    public CapArea {
        Objects.requireNonNull(description, "description");
        polygons = List.copyOf(polygons);
        circles = List.copyOf(circles);
        geocodes = List.copyOf(geocodes);
    }

    /** The values of the geocodes named {@code valueName} (ignoring case), e.g. our area codes under VN-ADMIN. */
    public List<String> geocodes(String valueName) {
        return geocodes.stream().filter(code -> code.valueName().equalsIgnoreCase(valueName))
                .map(CapNamedValue::value).toList();
    }
}
