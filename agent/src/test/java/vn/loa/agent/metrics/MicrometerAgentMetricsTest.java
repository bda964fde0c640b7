package vn.loa.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.agent.health.SystemReading;
import vn.loa.agent.testutil.FakeSystemProbe;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;
import vn.loa.protocol.Severity;

class MicrometerAgentMetricsTest {
    private static final Instant PLANNED = Instant.parse("2026-11-23T06:00:00Z");
    private final MicrometerAgentMetrics metrics = new MicrometerAgentMetrics("xa-01", "1.2.3");
    private final FakeSystemProbe probe = new FakeSystemProbe();

    private static Receipt receipt(ReceiptState state, Instant actualStart) {
        return new Receipt("r-" + state + actualStart, PLANNED, "xa-01", "b-1", "bul-1", state, PLANNED,
                actualStart, state == ReceiptState.STARTED ? null : actualStart, List.of(1), null);
    }

    private void watch() {
        metrics.watch(new StationGauges(() -> true, () -> 4, () -> 1_048_576, () -> true, () -> 12, probe));
    }

    @Test
    void receiptsCountBroadcastsByStateAndStartsRecordTheirLateness() {
        metrics.receipt(receipt(ReceiptState.STARTED, PLANNED.plusMillis(300)));
        metrics.receipt(receipt(ReceiptState.STARTED, PLANNED.plusSeconds(3)));
        metrics.receipt(receipt(ReceiptState.PARTLY_PLAYED, PLANNED.plusSeconds(3)));
        metrics.receipt(receipt(ReceiptState.MISSED, null));

        String text = metrics.scrape();
        assertThat(text).contains("loa_agent_broadcasts_total{state=\"started\",station=\"xa-01\"} 2.0")
                .contains("loa_agent_broadcasts_total{state=\"partly-played\",station=\"xa-01\"} 1.0")
                .contains("loa_agent_broadcasts_total{state=\"missed\",station=\"xa-01\"} 1.0")
                .contains("loa_agent_playout_lateness_seconds_bucket{station=\"xa-01\",le=\"0.5\"} 1")
                .contains("loa_agent_playout_lateness_seconds_bucket{station=\"xa-01\",le=\"5.0\"} 2")
                .contains("loa_agent_playout_lateness_seconds_count{station=\"xa-01\"} 2");
    }

    @Test
    void eventsCountByKindAndSeverity() {
        metrics.event("relay-fault", Severity.FAULT);
        metrics.event("relay-fault", Severity.FAULT);
        metrics.event("dead-air", Severity.WARNING);

        assertThat(metrics.scrape())
                .contains("loa_agent_events_total{kind=\"relay-fault\",severity=\"fault\",station=\"xa-01\"} 2.0")
                .contains("loa_agent_events_total{kind=\"dead-air\",severity=\"warning\",station=\"xa-01\"} 1.0");
    }

    @Test
    void gaugesReadTheStationWhenScrapedAndUnknownReadingsAreNaN() {
        watch();
        metrics.connected();
        probe.reading(new SystemReading(10L, 1.25, null, null, 5_000L, null));

        String text = metrics.scrape();
        assertThat(text).contains("loa_agent_mqtt_connected{station=\"xa-01\"} 1.0")
                .contains("loa_agent_mqtt_connects_total{station=\"xa-01\"} 1.0")
                .contains("loa_agent_outbox_receipts{station=\"xa-01\"} 4.0")
                .contains("loa_agent_audio_cache_bytes{station=\"xa-01\"} 1048576.0")
                .contains("loa_agent_relay_fault{station=\"xa-01\"} 1.0")
                .contains("loa_agent_plan_version{station=\"xa-01\"} 12.0")
                .contains("loa_agent_system_load_average{station=\"xa-01\"} 1.25")
                .contains("loa_agent_system_disk_free_bytes{station=\"xa-01\"} 5000.0")
                .contains("loa_agent_system_temperature_celsius{station=\"xa-01\"} NaN")
                .contains("loa_agent_info{station=\"xa-01\",version=\"1.2.3\"} 1");
        probe.reading(new SystemReading(10L, 1.25, null, null, 5_000L, 61.0));
        assertThat(metrics.scrape()).contains("loa_agent_system_temperature_celsius{station=\"xa-01\"} 61.0");
        assertThatThrownBy(this::watch).isInstanceOf(IllegalStateException.class);
    }
}
