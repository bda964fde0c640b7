package vn.loa.agent.metrics;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import vn.loa.agent.health.SystemProbe;

/**
 * Where the agent's gauges read their values, when Prometheus scrapes (on the metrics server's thread):
 * each source must be thread-safe and quick.
 */
public record StationGauges(BooleanSupplier linkConnected, LongSupplier outboxDepth, LongSupplier cacheBytes,
                            BooleanSupplier relayFault, LongSupplier planVersion, SystemProbe probe) {
    public StationGauges {
        Objects.requireNonNull(linkConnected, "linkConnected");
        Objects.requireNonNull(outboxDepth, "outboxDepth");
        Objects.requireNonNull(cacheBytes, "cacheBytes");
        Objects.requireNonNull(relayFault, "relayFault");
        Objects.requireNonNull(planVersion, "planVersion");
        Objects.requireNonNull(probe, "probe");
    }
}
