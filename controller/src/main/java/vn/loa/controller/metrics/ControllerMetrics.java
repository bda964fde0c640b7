package vn.loa.controller.metrics;

import java.util.function.Supplier;

/** What the controller counts, in domain terms. Implemented over Micrometer; faked in unit tests. */
public interface ControllerMetrics {
    /** A message of the given type arrived from a station and was decoded. */
    void messageIn(String type);

    /** A message of the given type was published to stations. */
    void messageOut(String type);

    /** A payload on a station topic could not be decoded; {@code reason} is a DecodeError code. */
    void decodeFailure(String reason);

    /** A decoded message was not processed: unknown station, stale, or the ingest queue was full. */
    void messageDropped(String reason);

    /** The embedded broker refused a client: {@code what} is {@code login}, {@code publish} or {@code subscribe}. */
    void brokerRefusal(String what);

    /** An API request was answered. {@code route} is the route's pattern, never the raw path. */
    void httpRequest(String method, String route, int status, long durationNanos);

    /** Registers the gauges of station presence, read when scraped. */
    void stationGauges(Supplier<Number> online, Supplier<Number> offline);

    /** A station reported a broadcast: {@code state} is the receipt's state (started, completed, missed, ...). */
    void receipt(String state);

    /** An emergency announcement reached its end: {@code state} is stopped, ended or discarded. */
    void emergencyEnded(String state);

    /** One station of an ended emergency announcement, by its final stage (played, missed, ...). */
    void emergencyStation(String stage);

    /**
     * Registers one gauge of alerts not resolved per health rule ({@code loa_alerts_open{rule=...}}),
     * read when scraped. A default that registers nothing, for fakes.
     */
    default void alertGauges(java.util.Collection<String> rules, java.util.function.ToIntFunction<String> open) {
    }

    /** Prometheus text exposition of every meter. */
    String scrape();
}
