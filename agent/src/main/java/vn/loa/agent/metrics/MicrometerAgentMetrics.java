package vn.loa.agent.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import vn.loa.agent.health.SystemReading;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;
import vn.loa.protocol.Severity;

/**
 * {@link AgentMetrics} over a Micrometer Prometheus registry. Every meter carries the {@code station}
 * label; names render with a {@code loa_agent_} prefix, plus the JVM's and {@code process_uptime_seconds}.
 */
public final class MicrometerAgentMetrics implements AgentMetrics {
    public static final String INFO = "loa.agent.info";
    public static final String MQTT_CONNECTED = "loa.agent.mqtt.connected";
    public static final String MQTT_CONNECTS = "loa.agent.mqtt.connects";
    public static final String OUTBOX = "loa.agent.outbox.receipts";
    public static final String CACHE_BYTES = "loa.agent.audio.cache.bytes";
    public static final String RELAY_FAULT = "loa.agent.relay.fault";
    public static final String PLAN_VERSION = "loa.agent.plan.version";
    public static final String BROADCASTS = "loa.agent.broadcasts";
    public static final String LATENESS = "loa.agent.playout.lateness";
    public static final String EVENTS = "loa.agent.events";
    public static final String TEMPERATURE = "loa.agent.system.temperature.celsius";
    public static final String DISK_FREE = "loa.agent.system.disk.free.bytes";
    public static final String LOAD = "loa.agent.system.load.average";
    public static final String MEMORY_AVAILABLE = "loa.agent.system.memory.available.bytes";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer lateness;
    /** The computer's health, read once per scrape (scrapes are serialised by {@link #scrape}). */
    private volatile SystemReading reading = SystemReading.unknown();
    private StationGauges gauges;

    public MicrometerAgentMetrics(String station, String agentVersion) {
        Objects.requireNonNull(station, "station");
        registry.config().commonTags("station", station);
        new JvmMemoryMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder(INFO, () -> 1).description("The agent's version").tag("version", agentVersion)
                .register(registry);
        lateness = Timer.builder(LATENESS).description("How late broadcasts began after their planned start")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public synchronized void watch(StationGauges sources) {
        if (gauges != null) {
            throw new IllegalStateException("gauges are registered once");
        }
        gauges = sources;
        gauge(MQTT_CONNECTED, "1 while the link to the broker is up", () -> sources.linkConnected().getAsBoolean() ? 1 : 0);
        gauge(OUTBOX, "Receipts waiting in the outbox for the controller's ack", sources.outboxDepth()::getAsLong);
        gauge(CACHE_BYTES, "Bytes of bulletin audio in the station's cache", sources.cacheBytes()::getAsLong);
        gauge(RELAY_FAULT, "1 while the relay board is faulty", () -> sources.relayFault().getAsBoolean() ? 1 : 0);
        gauge(PLAN_VERSION, "Version of the plan the station holds (0: none)", sources.planVersion()::getAsLong);
        reading(TEMPERATURE, "Board temperature (NaN: unknown)", SystemReading::temperatureCelsius);
        reading(DISK_FREE, "Free bytes on the data directory's disk (NaN: unknown)", SystemReading::diskFreeBytes);
        reading(LOAD, "Load average over one minute (NaN: unknown)", SystemReading::loadAverage);
        reading(MEMORY_AVAILABLE, "Memory available (NaN: unknown)", SystemReading::memoryAvailableBytes);
    }

    @Override
    public void connected() {
        Counter.builder(MQTT_CONNECTS).description("Connections to the broker made (the first and every reconnect)")
                .register(registry).increment();
    }

    @Override
    public void receipt(Receipt receipt) {
        String state = receipt.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Counter.builder(BROADCASTS).description("Broadcasts by receipt state (started, finished, missed, ...)")
                .tag("state", state).register(registry).increment();
        if (receipt.state() == ReceiptState.STARTED && receipt.plannedStart() != null
                && receipt.actualStart() != null) {
            Duration late = Duration.between(receipt.plannedStart(), receipt.actualStart());
            lateness.record(late.isNegative() ? Duration.ZERO : late);
        }
    }

    @Override
    public void event(String kind, Severity severity) {
        Counter.builder(EVENTS).description("Events the station reported (faults, dead air, recoveries)")
                .tag("kind", kind).tag("severity", severity.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    @Override
    public synchronized String scrape() {
        if (gauges != null) {
            reading = gauges.probe().read();
        }
        return registry.scrape();
    }

    private void gauge(String name, String description, java.util.function.Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    private void reading(String name, String description, Function<SystemReading, Number> value) {
        gauge(name, description, () -> {
            Number number = value.apply(reading);
            return number == null ? Double.NaN : number;
        });
    }
}
