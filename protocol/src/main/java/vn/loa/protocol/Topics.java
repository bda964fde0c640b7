package vn.loa.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * Builds and parses every MQTT topic of Loa. All topics live under a configurable root
 * (default {@value #DEFAULT_ROOT}):
 * <pre>
 *   {root}/stations/{stationId}/{channel}     one station's channel, see {@link Channel}
 *   {root}/controller/status                  retained controller presence, with its last will
 * </pre>
 */
public final class Topics {
    public static final String DEFAULT_ROOT = "loa/v1";
    private static final String STATIONS = "stations";

    private final String root;
    private final String stationsPrefix;

    public Topics(String root) {
        Objects.requireNonNull(root, "root");
        if (root.isEmpty() || root.startsWith("/") || root.endsWith("/") || root.contains("+")
                || root.contains("#") || root.contains("//")) {
            throw new IllegalArgumentException("topic root must be non-empty levels separated by '/', "
                    + "without wildcards or leading/trailing '/', got '" + root + "'");
        }
        this.root = root;
        this.stationsPrefix = root + "/" + STATIONS + "/";
    }

    public static Topics withDefaultRoot() {
        return new Topics(DEFAULT_ROOT);
    }

    public String root() {
        return root;
    }

    public String station(String stationId, Channel channel) {
        return stationsPrefix + StationIds.require(stationId) + "/" + channel.segment();
    }

    /** The filter matching one channel of every station, e.g. {@code loa/v1/stations/+/heartbeat}. */
    public String allStations(Channel channel) {
        return stationsPrefix + "+/" + channel.segment();
    }

    /** The filter matching every channel of one station. */
    public String everyChannelOf(String stationId) {
        return stationsPrefix + StationIds.require(stationId) + "/+";
    }

    public String controllerStatus() {
        return root + "/controller/status";
    }

    /** Parses a station topic; empty when the topic is not a well-formed station topic under this root. */
    public Optional<StationTopic> parse(String topic) {
        if (topic == null || !topic.startsWith(stationsPrefix)) {
            return Optional.empty();
        }
        String rest = topic.substring(stationsPrefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String stationId = rest.substring(0, slash);
        if (!StationIds.isValid(stationId)) {
            return Optional.empty();
        }
        return Channel.fromSegment(rest.substring(slash + 1))
                .map(channel -> new StationTopic(stationId, channel));
    }

    @Override
    public String toString() {
        return root;
    }
}
