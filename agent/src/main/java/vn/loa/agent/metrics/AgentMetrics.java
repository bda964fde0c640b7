package vn.loa.agent.metrics;

import vn.loa.protocol.Receipt;
import vn.loa.protocol.Severity;

/**
 * What a station agent counts, in domain terms, for a technician's Prometheus. Implemented over
 * Micrometer ({@link MicrometerAgentMetrics}); {@link #NONE} where nothing is measured. Thread-safe.
 */
public interface AgentMetrics {
    /** Registers the gauges read when scraped: link, outbox, cache, relays, plan, the computer's health. */
    void watch(StationGauges gauges);

    /** The link to the broker came up (the first connect and every reconnect). */
    void connected();

    /** A receipt was written to the outbox: counts broadcasts by state and, on a start, how late it began. */
    void receipt(Receipt receipt);

    /** The station reported an event (a relay fault, an audio fault, dead air, ...), by kind and severity. */
    void event(String kind, Severity severity);

    /** Prometheus text exposition of every meter. */
    String scrape();

    AgentMetrics NONE = new AgentMetrics() {
        @Override
        public void watch(StationGauges gauges) {
        }

        @Override
        public void connected() {
        }

        @Override
        public void receipt(Receipt receipt) {
        }

        @Override
        public void event(String kind, Severity severity) {
        }

        @Override
        public String scrape() {
            return "";
        }
    };
}
