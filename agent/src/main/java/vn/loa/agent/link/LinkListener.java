package vn.loa.agent.link;

/**
 * What a {@link BrokerLink} reports. Both methods are called on the link's own I/O thread: they
 * must return at once (hand work to another executor) and must not throw.
 */
public interface LinkListener {
    /** A message arrived on a subscribed topic (or from the broker's stored session). */
    void messageArrived(String topic, byte[] payload);

    /** An established link broke; not called for failed connect attempts or a deliberate close. */
    void connectionLost(Throwable cause);
}
