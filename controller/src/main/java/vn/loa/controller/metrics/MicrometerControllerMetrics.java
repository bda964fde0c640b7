package vn.loa.controller.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@link ControllerMetrics} over a Micrometer Prometheus registry. Meter names render with a {@code loa_} prefix. */
public final class MicrometerControllerMetrics implements ControllerMetrics {
    public static final String MESSAGES_IN = "loa.mqtt.messages.in";
    public static final String MESSAGES_OUT = "loa.mqtt.messages.out";
    public static final String DECODE_FAILURES = "loa.mqtt.decode.failures";
    public static final String MESSAGES_DROPPED = "loa.mqtt.messages.dropped";
    public static final String HTTP_REQUESTS = "loa.http.requests";
    public static final String BROKER_REFUSALS = "loa.mqtt.broker.refusals";
    public static final String STATIONS = "loa.stations";
    public static final String RECEIPTS = "loa.receipts";
    public static final String EMERGENCIES = "loa.emergencies.ended";
    public static final String EMERGENCY_STATIONS = "loa.emergency.stations";

    /**
     * Histogram buckets of API latency: a dozen, not Micrometer's ~70 percentile buckets, since every
     * route, method and status has its own histogram.
     */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};
    public static final String ALERTS_OPEN = "loa.alerts.open";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public MicrometerControllerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void messageIn(String type) {
        Counter.builder(MESSAGES_IN).description("Messages received from stations, by type")
                .tag("type", type).register(registry).increment();
    }

    @Override
    public void messageOut(String type) {
        Counter.builder(MESSAGES_OUT).description("Messages published to stations, by type")
                .tag("type", type).register(registry).increment();
    }

    @Override
    public void decodeFailure(String reason) {
        Counter.builder(DECODE_FAILURES).description("Payloads on station topics that could not be decoded")
                .tag("reason", reason).register(registry).increment();
    }

    @Override
    public void messageDropped(String reason) {
        Counter.builder(MESSAGES_DROPPED).description("Decoded messages that were not processed")
                .tag("reason", reason).register(registry).increment();
    }

    @Override
    public void brokerRefusal(String what) {
        Counter.builder(BROKER_REFUSALS).description("Logins, publishes and subscriptions the embedded broker refused")
                .tag("what", what).register(registry).increment();
    }

    @Override
    public void httpRequest(String method, String route, int status, long durationNanos) {
        Timer.builder(HTTP_REQUESTS).description("API requests by route and status")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .register(registry).record(durationNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void stationGauges(Supplier<Number> online, Supplier<Number> offline) {
        Gauge.builder(STATIONS, online).description("Registered stations by presence")
                .tag("presence", "online").register(registry);
        Gauge.builder(STATIONS, offline).description("Registered stations by presence")
                .tag("presence", "offline").register(registry);
    }

    @Override
    public void receipt(String state) {
        Counter.builder(RECEIPTS).description("Broadcast receipts from stations, by state")
                .tag("state", state).register(registry).increment();
    }

    @Override
    public void emergencyEnded(String state) {
        Counter.builder(EMERGENCIES).description("Emergency announcements that reached their end, by final state")
                .tag("state", state).register(registry).increment();
    }

    @Override
    public void emergencyStation(String stage) {
        Counter.builder(EMERGENCY_STATIONS).description("Stations of ended emergency announcements, by final stage")
                .tag("stage", stage).register(registry).increment();
    }

    @Override
    public void alertGauges(java.util.Collection<String> rules, java.util.function.ToIntFunction<String> open) {
        for (String rule : rules) {
            Gauge.builder(ALERTS_OPEN, () -> open.applyAsInt(rule))
                    .description("Alerts not resolved (open or acknowledged), by health rule")
                    .tag("rule", rule).register(registry);
        }
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }
}
