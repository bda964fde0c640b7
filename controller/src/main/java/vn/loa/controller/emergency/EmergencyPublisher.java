package vn.loa.controller.emergency;

import vn.loa.protocol.Message;

/** Where the emergency service hands its messages: the shared emergencies topic, or one station's commands. */
public interface EmergencyPublisher {
    /** Publishes on {@code {root}/emergencies}, QoS 1; false when the broker link could not take it. */
    boolean toEveryStation(Message message);

    /** Publishes on one station's {@code commands} topic, QoS 1. */
    boolean toStation(String station, Message message);
}
