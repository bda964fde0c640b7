package vn.loa.protocol;

import java.util.Optional;

/** The per-station MQTT channels, and which side publishes on each. */
public enum Channel {
    /** Controller to agent: commands for one station. */
    COMMANDS("commands", Direction.TO_STATION),
    /** Agent to controller: sent on every connect. */
    BIRTH("birth", Direction.FROM_STATION),
    /** Agent to controller: periodic health and uptime. */
    HEARTBEAT("heartbeat", Direction.FROM_STATION),
    /** Agent to controller: things that happened (faults, recoveries). */
    EVENTS("events", Direction.FROM_STATION),
    /** Agent to controller: receipts and acknowledgements. */
    REPORTS("reports", Direction.FROM_STATION),
    /** Agent to controller, retained: online, or offline through the last will. */
    STATUS("status", Direction.FROM_STATION);

    /** Who publishes on a channel. */
    public enum Direction { TO_STATION, FROM_STATION }

    private final String segment;
    private final Direction direction;

    Channel(String segment, Direction direction) {
        this.segment = segment;
        this.direction = direction;
    }

    public String segment() {
        return segment;
    }

    public Direction direction() {
        return direction;
    }

    public static Optional<Channel> fromSegment(String segment) {
        for (Channel channel : values()) {
            if (channel.segment.equals(segment)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
