package vn.loa.controller.mqtt;

/** Checks a station's MQTT password (the registry's stored hashes in production). */
@FunctionalInterface
public interface StationLogins {
    boolean verify(String stationId, String password);
}
