package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/**
 * The three bulletin classes of Circular 39/2020/TT-BTTTT, lowest first: a higher class interrupts
 * a lower one.
 */
public enum BulletinClass {
    @JsonProperty("normal") NORMAL,
    @JsonProperty("priority") PRIORITY,
    @JsonProperty("emergency") EMERGENCY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BulletinClass> fromWire(String name) {
        for (BulletinClass value : values()) {
            if (value.wireName().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    public boolean outranks(BulletinClass other) {
        return ordinal() > other.ordinal();
    }
}
