package vn.loa.controller.registry;

import java.util.Locale;
import java.util.Optional;

/** Administrative levels, from the top. A child is always at a deeper level than its parent. */
public enum AreaLevel {
    PROVINCE, DISTRICT, COMMUNE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AreaLevel> fromWire(String name) {
        for (AreaLevel level : values()) {
            if (level.wireName().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    public boolean canContain(AreaLevel child) {
        return child.ordinal() > ordinal();
    }
}
