package vn.loa.controller.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.loa.protocol.StationIds;
import vn.loa.protocol.Zone;

/** A station as registered by staff: where it is and which zones it drives. */
public record Station(String id, long areaId, String name, Double latitude, Double longitude, List<Zone> zones,
                      Instant createdAt, Instant updatedAt) {
    public Station {
        StationIds.require(id);
        Objects.requireNonNull(name, "name");
        zones = List.copyOf(zones);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
