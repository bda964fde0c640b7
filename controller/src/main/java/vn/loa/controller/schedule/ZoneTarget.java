package vn.loa.controller.schedule;

import java.util.Objects;

/** One zone (relay channel) of one station. */
public record ZoneTarget(String station, int channel) {
    public ZoneTarget {
        Objects.requireNonNull(station, "station");
    }
}
