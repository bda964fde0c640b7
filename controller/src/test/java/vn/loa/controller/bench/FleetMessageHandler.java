package vn.loa.controller.bench;

/** Takes the messages a fleet client receives; called on the client's event loop, so it must not block. */
@FunctionalInterface
public interface FleetMessageHandler {
    /**
     * @param receivedNanos {@link System#nanoTime()} when the client decoded the PUBLISH, before this call
     */
    void messageArrived(String topic, byte[] payload, long receivedNanos);
}
