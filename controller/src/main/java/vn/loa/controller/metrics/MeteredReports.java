package vn.loa.controller.metrics;

import java.time.Instant;
import java.util.Objects;
import vn.loa.controller.mqtt.StationListener;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.StationMessage;

/** Counts what stations report (receipts by state) on its way to the listener that handles it. */
public final class MeteredReports implements StationListener {
    private final StationListener next;
    private final ControllerMetrics metrics;

    public MeteredReports(StationListener next, ControllerMetrics metrics) {
        this.next = Objects.requireNonNull(next, "next");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void applied(StationMessage message, Instant receivedAt) {
        if (message instanceof Receipt receipt) {
            metrics.receipt(receipt.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        next.applied(message, receivedAt);
    }
}
