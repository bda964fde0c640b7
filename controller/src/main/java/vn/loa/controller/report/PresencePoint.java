package vn.loa.controller.report;

import java.time.Instant;

/** From this instant the station is online (true) or offline (false), until the next point. */
public record PresencePoint(Instant at, boolean online) {
}
