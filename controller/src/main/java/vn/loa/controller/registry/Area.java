package vn.loa.controller.registry;

import java.time.Instant;
import java.util.Objects;

/** An administrative unit: a node of the area tree. */
public record Area(long id, Long parentId, String name, String code, AreaLevel level, Instant createdAt,
                   Instant updatedAt) {
    public Area {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
