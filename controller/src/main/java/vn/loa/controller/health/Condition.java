package vn.loa.controller.health;

import java.util.Objects;

/** A rule that holds for a station now, with a detail for people. */
public record Condition(String station, Rule rule, String detail) {
    public Condition {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(rule, "rule");
    }

    /** The de-duplication key: one alert per station and rule while it is not resolved. */
    public String key() {
        return station + "\u0000" + rule.wireName();
    }
}
