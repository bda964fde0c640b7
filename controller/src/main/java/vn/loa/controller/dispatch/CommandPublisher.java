package vn.loa.controller.dispatch;

import vn.loa.protocol.StationMessage;

/** Sends a command to one station; false when it could not be handed to the broker (retried later). */
@FunctionalInterface
public interface CommandPublisher {
    boolean publish(StationMessage command);
}
