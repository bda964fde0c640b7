package vn.loa.agent.link;

import java.util.concurrent.CompletableFuture;

/**
 * One station's connection to the MQTT broker, as the agent needs it: our own small interface so
 * that tests can use a fake and the Paho client stays in {@link PahoBrokerLink}. Reconnecting is
 * not the link's job: {@link LinkSupervisor} calls {@link #connect} again after a loss. Blocking
 * methods wait a bounded time. Implementations are thread-safe.
 */
public interface BrokerLink extends AutoCloseable {

    /**
     * Connects, registering {@code will} as the last will for this connection, and returns once
     * the broker accepted (or throws). {@code listener} receives messages and the loss of this
     * connection.
     */
    void connect(LastWill will, LinkListener listener) throws LinkException;

    /** Subscribes and waits (bounded) for the broker's answer. */
    void subscribe(String filter, int qos) throws LinkException;

    /**
     * Publishes without blocking. The future completes when the message is delivered (QoS 0: written
     * to the network; QoS 1: acknowledged by the broker) and fails if it cannot be. It may complete
     * on the link's I/O thread, so dependent actions must be quick.
     */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    boolean isConnected();

    /** Disconnects cleanly if possible (the will is then not published) and releases everything. Idempotent. */
    @Override
    void close();
}
