package vn.loa.controller.status;

import java.time.Instant;
import vn.loa.protocol.Heartbeat;

/** A heartbeat with the controller's time of receipt. */
public record ReceivedHeartbeat(Heartbeat heartbeat, Instant receivedAt) {
}
