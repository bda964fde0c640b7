package vn.loa.controller.mqtt;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.metrics.ControllerMetrics;
import vn.loa.controller.text.Printable;
import vn.loa.protocol.Channel;
import vn.loa.protocol.StationIds;
import vn.loa.protocol.StationTopic;
import vn.loa.protocol.Topics;

/**
 * Who may use the embedded broker, and for what. Anonymous and unknown clients are refused. The
 * controller (its own username, never a station id) may do everything. A station logs in with its
 * id as username, under client id {@code <id>} or {@code loa-agent-<id>} only (so it cannot take
 * over another client's session), publishes only on its own station-to-controller channels and
 * reads only its own commands and the controller's status. Only the controller may use the
 * controller's client id. A last will may only be a station's own status (the controller's: its
 * status); Moquette 0.18 never asks about wills, so the broker's front end ({@link ConnectGate})
 * does, before Moquette sees the CONNECT. Moquette answers a refused subscription with a failure
 * return code and drops a refused publish (no PUBACK for QoS 1). Called on Moquette's and the front
 * end's threads: stateless apart from the injected checks.
 */
public final class BrokerAccess implements IAuthenticator, IAuthorizatorPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerAccess.class);
    /** How an agent names its MQTT client: this and its station id. */
    public static final String AGENT_CLIENT_PREFIX = "loa-agent-";

    private final Topics topics;
    private final String controllerUsername;
    private final String controllerClientId;
    private final byte[] controllerPassword;
    private final StationLogins stations;
    private final RateLimitedLog refusals;
    private final ControllerMetrics metrics;

    /**
     * @param controllerClientId the controller's own MQTT client id: nobody else may use it (Moquette
     *                           would close the controller's connection for the newcomer)
     */
    public BrokerAccess(Topics topics, MqttCredentials controller, String controllerClientId, StationLogins stations,
                        ControllerMetrics metrics, Clock clock) {
        this.controllerClientId = Objects.requireNonNull(controllerClientId, "controllerClientId");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.controllerUsername = controller.username();
        this.controllerPassword = controller.password().getBytes(StandardCharsets.UTF_8);
        this.stations = Objects.requireNonNull(stations, "stations");
        this.refusals = new RateLimitedLog(clock, Duration.ofMinutes(1));
    }

    /** The client ids a station may connect with. */
    public static List<String> clientIdsOf(String stationId) {
        return List.of(stationId, AGENT_CLIENT_PREFIX + stationId);
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        boolean valid = isValid(clientId, username, password);
        if (!valid) {
            metrics.brokerRefusal("login");
        }
        return valid;
    }

    private boolean isValid(String clientId, String username, byte[] password) {
        if (username == null || password == null) {
            return false;
        }
        if (username.equals(controllerUsername)) {
            return MessageDigest.isEqual(controllerPassword, password);
        }
        if (controllerClientId.equals(clientId)) {
            if (refusals.allow("controller-client")) {
                LOG.warn("A client logging in as '{}' tried to use the controller's MQTT client id '{}': refused",
                        Printable.of(username, 200), Printable.of(clientId, 200));
            }
            return false;
        }
        if (!StationIds.isValid(username)) {
            return false;
        }
        if (!clientIdsOf(username).contains(clientId) || isAgentClientOfAnother(username, clientId)) {
            if (refusals.allow("client:" + username)) {
                LOG.warn("Station {} tried to connect as MQTT client '{}'; a station may only use '{}' or '{}{}'",
                        username, Printable.of(clientId, 200), username, AGENT_CLIENT_PREFIX, username);
            }
            return false;
        }
        return stations.verify(username, new String(password, StandardCharsets.UTF_8));
    }

    /** Whether this is the controller's username (not whether the password is right). */
    boolean isController(String username) {
        return controllerUsername.equals(username);
    }

    /** A login on the embedded broker's loopback port that did not come through the front end. */
    void refuseDirectLogin(String username) {
        metrics.brokerRefusal("login");
        if (refusals.allow("direct")) {
            LOG.warn("A client logging in as '{}' reached the embedded broker's loopback port directly: refused "
                    + "(stations connect to the broker's public listeners)", Printable.of(username, 200));
        }
    }

    /**
     * Whether a CONNECT by {@code username} may leave a last will on {@code willTopic}: only a
     * station's own status topic (its OFFLINE), or the controller's status for the controller.
     * Retained or not, QoS as the client likes: elsewhere nothing is allowed.
     */
    public boolean allowsWill(String username, String willTopic) {
        String own = username == null ? null
                : username.equals(controllerUsername) ? topics.controllerStatus()
                : StationIds.isValid(username) ? topics.station(username, Channel.STATUS)
                : null;
        boolean allowed = own != null && own.equals(willTopic);
        if (!allowed) {
            metrics.brokerRefusal("will");
            String who = own == null ? "?" : username;
            if (refusals.allow("will:" + who)) {
                LOG.warn("Client '{}' asked for a last will on '{}'; a station may only leave its own status: "
                        + "connection refused (logged at most once a minute per station)", Printable.of(username, 200),
                        Printable.of(willTopic, 200));
            }
        }
        return allowed;
    }

    /** A station registered (before this was refused) as loa-agent-x would be station x's agent. */
    private static boolean isAgentClientOfAnother(String username, String clientId) {
        return username.startsWith(AGENT_CLIENT_PREFIX) && username.equals(clientId);
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        if (controllerUsername.equals(user)) {
            return true;
        }
        Optional<StationTopic> parsed = stationTopic(topic);
        boolean allowed = parsed.isPresent() && parsed.get().stationId().equals(user)
                && parsed.get().channel().direction() == Channel.Direction.FROM_STATION;
        if (!allowed) {
            metrics.brokerRefusal("publish");
        }
        if (!allowed && refusals.allow("write:" + user)) {
            LOG.warn("Station {} may not publish on '{}': dropped (logged at most once a minute per station)", user,
                    Printable.of(topic.toString(), 200));
        }
        return allowed;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        if (controllerUsername.equals(user)) {
            return true;
        }
        if (user == null || !StationIds.isValid(user)) {
            metrics.brokerRefusal("subscribe");
            return false;
        }
        String filter = topic.toString();
        boolean allowed = filter.equals(topics.station(user, Channel.COMMANDS)) || filter.equals(topics.controllerStatus());
        if (!allowed) {
            metrics.brokerRefusal("subscribe");
        }
        if (!allowed && refusals.allow("read:" + user)) {
            LOG.warn("Station {} may not subscribe to '{}': refused", user, Printable.of(filter, 200));
        }
        return allowed;
    }

    private Optional<StationTopic> stationTopic(Topic topic) {
        return topic == null ? Optional.empty() : topics.parse(topic.toString());
    }
}
