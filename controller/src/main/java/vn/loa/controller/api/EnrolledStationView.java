package vn.loa.controller.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import vn.loa.controller.identity.MqttCredentials;

/**
 * A station with the credentials just issued to it: the only answer that ever shows the password.
 * The agent uses them for MQTT ({@code mqtt.password}) and for fetching audio.
 */
public record EnrolledStationView(@JsonUnwrapped StationView station, MqttCredentials credentials) {
}
