package vn.loa.controller.status;

import java.time.Instant;
import vn.loa.protocol.Presence;

/** A station went online or offline, and why. */
public record PresenceChange(String stationId, Presence presence, Instant at, String cause) {
}
