package vn.loa.controller.mqtt;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.metrics.ControllerMetrics;
import vn.loa.protocol.Channel;
import vn.loa.protocol.ControllerStatus;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Presence;
import vn.loa.protocol.StationMessage;
import vn.loa.protocol.Topics;

/**
 * The controller's one MQTT connection (Paho), to the embedded or an external broker. On every
 * connect it subscribes to the stations' channels and announces itself online (retained), so
 * agents answer with a fresh birth; its last will announces it offline. The first connection is
 * retried until it succeeds; later drops reconnect automatically.
 */
public final class ControllerLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerLink.class);
    private static final Channel[] SUBSCRIBED = {Channel.BIRTH, Channel.HEARTBEAT, Channel.STATUS, Channel.EVENTS,
        Channel.REPORTS};
    private static final long MAX_RETRY_SECONDS = 30;
    private static final int MAX_INFLIGHT = 10_000;

    private final BrokerSettings settings;
    private final Topics topics;
    private final MessageCodec codec;
    private final Clock clock;
    private final ControllerMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final MessageSink sink;
    private final MqttAsyncClient client;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long retrySeconds = 1;

    public ControllerLink(BrokerSettings settings, Topics topics, MessageCodec codec, Clock clock,
                          ControllerMetrics metrics, ScheduledExecutorService scheduler, MessageSink sink) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sink = Objects.requireNonNull(sink, "sink");
        try {
            this.client = new MqttAsyncClient(settings.uri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("invalid broker URI '" + settings.uri() + "': " + e.getMessage(), e);
        }
        client.setCallback(new Callback());
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        scheduler.execute(this::connect);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Publishes without waiting; false (logged) when the client could not take it, never an exception. */
    public boolean publish(String topic, byte[] payload, int qos, boolean retained, String type) {
        try {
            client.publish(topic, payload, qos, retained);
            metrics.messageOut(type);
            return true;
        } catch (MqttException e) {
            LOG.warn("Could not publish {} to {}: {}", type, topic, e.getMessage());
            return false;
        }
    }

    /** Sends a command to its station's commands topic, QoS 1. */
    public boolean publishCommand(StationMessage command) {
        return publish(topics.station(command.station(), Channel.COMMANDS), codec.encode(command), 1, false,
                command.type());
    }

    private void connect() {
        if (closed.get()) {
            return;
        }
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) TimeUnit.SECONDS.toMillis(MAX_RETRY_SECONDS));
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(10);
        // QoS 1 commands to every station at once (an emergency for a province): a wide window
        options.setMaxInflight(MAX_INFLIGHT);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
        }
        options.setWill(topics.controllerStatus(), presence(Presence.OFFLINE), 1, true);
        if (settings.tls() != null) {
            options.setSocketFactory(settings.tls().getSocketFactory());
        }
        options.setHttpsHostnameVerificationEnabled(true);
        try {
            client.connect(options).waitForCompletion(15_000);
            retrySeconds = 1;
        } catch (MqttException e) {
            if (closed.get()) {
                return;
            }
            LOG.warn("Cannot reach the MQTT broker at {} ({}); retrying in {} s", settings.uri(), describe(e),
                    retrySeconds);
            scheduler.schedule(this::connect, retrySeconds, TimeUnit.SECONDS);
            retrySeconds = Math.min(retrySeconds * 2, MAX_RETRY_SECONDS);
        }
    }

    /** Paho's message, and the cause's (e.g. why a TLS handshake failed) when there is one. */
    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? e.getMessage() : e.getMessage() + ": " + cause.getMessage();
    }

    private void subscribeAndAnnounce() {
        String[] filters = new String[SUBSCRIBED.length];
        int[] qos = new int[SUBSCRIBED.length];
        for (int i = 0; i < SUBSCRIBED.length; i++) {
            filters[i] = topics.allStations(SUBSCRIBED[i]);
            qos[i] = 1;
        }
        try {
            client.subscribe(filters, qos);
            publish(topics.controllerStatus(), presence(Presence.ONLINE), 1, true, ControllerStatus.TYPE);
        } catch (MqttException e) {
            if (!closed.get() && client.isConnected()) {
                LOG.error("Subscribing to the stations' topics failed ({}); retrying in 5 s", e.getMessage());
                scheduler.schedule(this::subscribeAndAnnounce, 5, TimeUnit.SECONDS);
            }
        }
    }

    private byte[] presence(Presence state) {
        return codec.encode(new ControllerStatus(MessageIds.next(), clock.instant(), state));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.publish(topics.controllerStatus(), presence(Presence.OFFLINE), 1, true)
                        .waitForCompletion(2_000);
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("Disconnecting from the broker: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Closing the MQTT client: {}", e.getMessage());
        }
    }

    /** Paho's callbacks, on Paho's thread. */
    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info("{} the MQTT broker at {}", reconnect ? "Reconnected to" : "Connected to", serverUri);
            subscribeAndAnnounce();
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (!closed.get()) {
                LOG.warn("Lost the connection to the MQTT broker ({}); reconnecting", cause == null ? "?"
                        : cause.getMessage());
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                sink.accept(topic, message.getPayload());
            } catch (RuntimeException e) {
                LOG.error("Handling a message on {} failed", topic, e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publications are idempotent and re-sent by the services that need them.
        }
    }
}
