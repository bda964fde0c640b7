package vn.loa.controller.emergency;

import vn.loa.protocol.StationMessage;

/** Where the emergency service hands its commands: the station's {@code commands} topic, QoS 1. */
@FunctionalInterface
public interface EmergencyPublisher {
    /** False when the broker link could not take it (the station gets it again when it reconnects). */
    boolean publish(StationMessage command);
}
