package vn.loa.agent.link;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BrokerLink} over the Paho MQTT 3.1.1 async client: in-memory persistence (never files),
 * a persistent session ({@code cleanSession=false}) so QoS 1 commands wait for us at the broker,
 * Paho's own automatic reconnect off ({@link LinkSupervisor} does it), and every wait bounded by
 * {@code operationTimeout}. Paho calls {@link LinkListener} on its callback thread.
 *
 * <p>{@link #close()} may come from another thread while {@link #connect} waits: it then wakes the
 * waiting thread, which shuts the client down itself, so the Paho client is never closed under a
 * connect in progress.
 */
public final class PahoBrokerLink implements BrokerLink {
    private static final Logger log = LoggerFactory.getLogger(PahoBrokerLink.class);
    /**
     * Paho logs through java.util.logging (SEVERE on every keepalive timeout); we report link
     * problems ourselves, in domain words. Held here because JUL keeps its loggers weakly.
     */
    private static final java.util.logging.Logger PAHO_LOG = quietPaho();
    private static final int MAX_IN_FLIGHT = 32;

    private final MqttAsyncClient client;
    private final String clientId;
    private final String username;
    private final char[] password;
    private final int keepAliveSeconds;
    private final long timeoutMillis;
    private final SSLSocketFactory tls;
    private final Object lifecycle = new Object();
    private boolean closed; // guarded by lifecycle
    private CompletableFuture<Void> pendingConnect; // guarded by lifecycle

    /**
     * @param clientId e.g. {@code loa-agent-demo-01}; stable across restarts so the broker keeps the session
     * @param operationTimeout the longest any connect, subscribe or disconnect may take
     */
    public PahoBrokerLink(String uri, String clientId, String username, String password,
                          int keepAliveSeconds, Duration operationTimeout) {
        this(uri, clientId, username, password, keepAliveSeconds, operationTimeout, null);
    }

    /**
     * As above; for an {@code ssl://} URI, {@code tls} (when not null) decides which certificates the
     * broker's must chain to, and its certificate must name the URI's host either way.
     */
    public PahoBrokerLink(String uri, String clientId, String username, String password,
                          int keepAliveSeconds, Duration operationTimeout, SSLSocketFactory tls) {
        this.tls = tls;
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.username = username;
        this.password = password == null ? null : password.toCharArray();
        this.keepAliveSeconds = keepAliveSeconds;
        this.timeoutMillis = Objects.requireNonNull(operationTimeout, "operationTimeout").toMillis();
        try {
            this.client = new MqttAsyncClient(Objects.requireNonNull(uri, "uri"), clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use broker address '" + uri + "': " + LinkException.describe(e), e);
        }
    }

    @Override
    public void connect(LastWill will, LinkListener listener) throws LinkException {
        Objects.requireNonNull(will, "will");
        Objects.requireNonNull(listener, "listener");
        CompletableFuture<Void> connected = new CompletableFuture<>();
        synchronized (lifecycle) {
            if (closed) {
                throw new LinkException("the link is closed");
            }
            pendingConnect = connected;
        }
        LinkException failure = null;
        try {
            client.setCallback(new Callback(listener));
            client.connect(options(will), null, completing(connected));
            connected.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (MqttException e) {
            failure = new LinkException(LinkException.describe(e), e);
        } catch (ExecutionException e) {
            failure = e.getCause() instanceof LinkException link ? link
                    : new LinkException(LinkException.describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            // Paho itself never gives up waiting for a CONNACK (e.g. behind a frozen link)
            failure = new LinkException("the broker did not answer within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new LinkException("interrupted while connecting", e);
        }
        boolean closedMeanwhile;
        synchronized (lifecycle) {
            pendingConnect = null;
            closedMeanwhile = closed;
        }
        if (closedMeanwhile) {
            shutDown();
            throw new LinkException("the link was closed while connecting");
        }
        if (failure != null) {
            forceDisconnect(); // so that the next attempt starts from "disconnected"
            throw failure;
        }
    }

    @Override
    public void subscribe(String filter, int qos) throws LinkException {
        try {
            IMqttToken token = client.subscribe(filter, qos);
            token.waitForCompletion(timeoutMillis);
            int[] granted = token.getGrantedQos();
            if (granted != null && granted.length > 0 && granted[0] == 0x80) {
                throw new LinkException("the broker refused the subscription to " + filter);
            }
        } catch (MqttException e) {
            throw new LinkException("cannot subscribe to " + filter + ": " + LinkException.describe(e), e);
        }
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        try {
            client.publish(topic, payload, qos, retained, null, completing(delivered));
        } catch (MqttException | RuntimeException e) {
            delivered.completeExceptionally(new LinkException(LinkException.describe(e), e));
        }
        return delivered;
    }

    @Override
    public boolean isConnected() {
        synchronized (lifecycle) {
            if (closed) {
                return false;
            }
        }
        return client.isConnected();
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (pendingConnect != null) {
                // the thread waiting in connect() wakes up and shuts the client down itself
                pendingConnect.completeExceptionally(new LinkException("the link was closed while connecting"));
                return;
            }
        }
        shutDown();
    }

    /** Disconnects cleanly if connected (the broker then drops our will), then releases the client. */
    private void shutDown() {
        if (client.isConnected()) {
            try {
                client.disconnect(Math.min(timeoutMillis, 1000)).waitForCompletion(timeoutMillis);
            } catch (MqttException e) {
                log.debug("clean disconnect of {} failed: {}", clientId, LinkException.describe(e));
            }
        }
        forceDisconnect();
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("closing the MQTT client {} failed: {}", clientId, LinkException.describe(e));
        }
    }

    /** Brings the client back to "disconnected" whatever state it is in (a hung connect attempt too). */
    private void forceDisconnect() {
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException | RuntimeException e) {
            log.trace("forced disconnect of {}: {}", clientId, LinkException.describe(e));
        }
    }

    private MqttConnectOptions options(LastWill will) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(keepAliveSeconds);
        options.setConnectionTimeout((int) Math.max(1, (timeoutMillis + 999) / 1000));
        options.setMaxInflight(MAX_IN_FLIGHT);
        options.setWill(will.topic(), will.payload(), will.qos(), will.retained());
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        options.setHttpsHostnameVerificationEnabled(true);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.clone());
        }
        return options;
    }

    /** Completes {@code future} from Paho's callback thread. */
    private static IMqttActionListener completing(CompletableFuture<Void> future) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                future.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                future.completeExceptionally(new LinkException(LinkException.describe(cause), cause));
            }
        };
    }

    private static java.util.logging.Logger quietPaho() {
        java.util.logging.Logger paho = java.util.logging.Logger.getLogger("org.eclipse.paho.client.mqttv3");
        if (paho.getLevel() == null) {
            paho.setLevel(java.util.logging.Level.OFF);
        }
        return paho;
    }

    /** Runs on Paho's callback thread: passes everything on, never throws (an exception would drop the link). */
    private final class Callback implements MqttCallback {
        private final LinkListener listener;

        Callback(LinkListener listener) {
            this.listener = listener;
        }

        @Override
        public void connectionLost(Throwable cause) {
            synchronized (lifecycle) {
                if (closed) {
                    return;
                }
            }
            try {
                listener.connectionLost(cause);
            } catch (RuntimeException e) {
                log.warn("link listener of {} failed on connection loss: {}", clientId, e.toString());
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                listener.messageArrived(topic, message.getPayload());
            } catch (RuntimeException e) {
                log.warn("link listener of {} failed on a message on {}: {}", clientId, topic, e.toString());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish() completes its own future
        }
    }
}
