package vn.loa.controller.health;

import java.util.Optional;

/** The health rules; the wire name is what alerts, filters, reports and metrics show. */
public enum Rule {
    OFFLINE("offline"),
    RELAY_FAULT("relay-fault"),
    AUDIO_FAULT("audio-fault"),
    DEAD_AIR("dead-air"),
    CLOCK_SKEW("clock-skew"),
    DISK_LOW("disk-low"),
    TEMPERATURE_HIGH("temperature-high"),
    BROADCAST_MISSED("broadcast-missed"),
    PLAN_UNACKNOWLEDGED("plan-unacknowledged");

    private final String wireName;

    Rule(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Rule> fromWire(String name) {
        for (Rule rule : values()) {
            if (rule.wireName.equals(name)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
