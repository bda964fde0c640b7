package vn.loa.agent.testutil;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import vn.loa.agent.link.BrokerLink;
import vn.loa.agent.link.LastWill;
import vn.loa.agent.link.LinkException;
import vn.loa.agent.link.LinkListener;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;

/**
 * A broker link in memory: records connects (with their wills), subscriptions and publications,
 * and lets the test deliver messages, refuse connects and break the link. Thread-safe.
 */
public final class FakeBrokerLink implements BrokerLink {
    private static final MessageCodec CODEC = new MessageCodec();

    /** One publication, decoded for assertions. */
    public record Published(String topic, byte[] payload, int qos, boolean retained) {
        public Message message() {
            Decoded<Message> decoded = CODEC.decode(payload);
            if (decoded instanceof Decoded.Ok<Message> ok) {
                return ok.message();
            }
            throw new AssertionError("published an undecodable payload on " + topic + ": " + decoded);
        }
    }

    /** One subscription, tagged with the connect it was made on (1 = first). */
    public record Subscription(String filter, int qos, int connectNumber) {
    }

    private final List<LastWill> wills = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Published> published = new ArrayList<>();
    private LinkListener listener;
    private boolean connected;
    private boolean closed;
    private int connectAttempts;
    private int connects;
    private int refuseConnects;

    /** The next {@code count} connect attempts fail, as if the broker were down. */
    public synchronized FakeBrokerLink refuseConnects(int count) {
        this.refuseConnects = count;
        return this;
    }

    @Override
    public synchronized void connect(LastWill will, LinkListener newListener) throws LinkException {
        if (closed) {
            throw new LinkException("closed");
        }
        connectAttempts++;
        if (refuseConnects > 0) {
            refuseConnects--;
            throw new LinkException("Unable to connect to server: Connection refused (fake)");
        }
        wills.add(will);
        listener = newListener;
        connected = true;
        connects++;
    }

    @Override
    public synchronized void subscribe(String filter, int qos) throws LinkException {
        if (!connected) {
            throw new LinkException("not connected");
        }
        subscriptions.add(new Subscription(filter, qos, connects));
    }

    @Override
    public synchronized CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        if (!connected) {
            return CompletableFuture.failedFuture(new LinkException("not connected"));
        }
        published.add(new Published(topic, payload.clone(), qos, retained));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized boolean isConnected() {
        return connected;
    }

    @Override
    public synchronized void close() {
        connected = false;
        closed = true;
    }

    /** Delivers a message as the broker would, on the calling thread (standing in for Paho's). */
    public void deliver(String topic, byte[] payload) {
        LinkListener target;
        synchronized (this) {
            target = listener;
        }
        target.messageArrived(topic, payload);
    }

    /** Breaks the link as a network failure would. */
    public void dropLink() {
        LinkListener target;
        synchronized (this) {
            connected = false;
            target = listener;
        }
        target.connectionLost(new LinkException("Connection lost (fake)"));
    }

    public synchronized List<LastWill> wills() {
        return List.copyOf(wills);
    }

    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    public synchronized List<Published> published(Predicate<Message> which) {
        return published.stream().filter(p -> which.test(p.message())).toList();
    }

    public synchronized int connects() {
        return connects;
    }

    public synchronized int connectAttempts() {
        return connectAttempts;
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}
