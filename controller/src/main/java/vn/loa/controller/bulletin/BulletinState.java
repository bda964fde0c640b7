package vn.loa.controller.bulletin;

import java.util.Locale;
import java.util.Optional;

/** Where a bulletin is in its approval: only approved bulletins can be scheduled. */
public enum BulletinState {
    DRAFT,
    APPROVED,
    ARCHIVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BulletinState> fromWire(String name) {
        for (BulletinState value : values()) {
            if (value.wireName().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
