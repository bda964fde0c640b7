package vn.loa.controller.mqtt;

/** Receives every message from the broker, on the MQTT client's thread: must return quickly, never throw. */
@FunctionalInterface
public interface MessageSink {
    void accept(String topic, byte[] payload);
}
