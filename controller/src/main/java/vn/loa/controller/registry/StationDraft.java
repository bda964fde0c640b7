package vn.loa.controller.registry;

import java.util.List;
import vn.loa.protocol.Zone;

/**
 * The fields of a station to create, or (for an update) to change: a null field is left as it is,
 * except that {@code clearCoordinates} removes the coordinates.
 */
public record StationDraft(String id, Long areaId, String name, Double latitude, Double longitude,
                           boolean clearCoordinates, List<Zone> zones) {
}
