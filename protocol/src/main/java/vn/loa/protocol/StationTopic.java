package vn.loa.protocol;

import java.util.Objects;

/** A topic parsed back into the station it belongs to and its channel. */
public record StationTopic(String stationId, Channel channel) {
    public StationTopic {
        StationIds.require(stationId);
        Objects.requireNonNull(channel, "channel");
    }
}
