package vn.loa.controller.mqtt;

import java.time.Instant;
import vn.loa.protocol.StationMessage;

/** Told of each message from a registered station once its status is updated. */
@FunctionalInterface
public interface StationListener {
    void applied(StationMessage message, Instant receivedAt);
}
