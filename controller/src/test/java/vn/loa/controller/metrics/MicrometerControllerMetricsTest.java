package vn.loa.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.controller.testutil.PrometheusText;

class MicrometerControllerMetricsTest {
    /** Every meter the controller has, each used once. */
    static MicrometerControllerMetrics everyMeterUsed() {
        MicrometerControllerMetrics metrics = new MicrometerControllerMetrics();
        metrics.stationGauges(() -> 3, () -> 1);
        metrics.messageIn("heartbeat");
        metrics.messageOut("plan");
        metrics.decodeFailure("bad_json");
        metrics.messageDropped("stale");
        metrics.brokerRefusal("login");
        metrics.httpRequest("GET", "/api/v1/stations/{id}", 200, 2_000_000);
        metrics.receipt("finished");
        metrics.emergencyEnded("ended");
        metrics.emergencyStation("played");
        return metrics;
    }

    @Test
    void scrapeIsValidPrometheusTextWithEveryDomainMeter() {
        String text = everyMeterUsed().scrape();
        List<PrometheusText.Sample> samples = PrometheusText.parse(text);
        assertThat(samples).contains(
                new PrometheusText.Sample("loa_stations", Map.of("presence", "online"), 3),
                new PrometheusText.Sample("loa_stations", Map.of("presence", "offline"), 1),
                new PrometheusText.Sample("loa_mqtt_messages_in_total", Map.of("type", "heartbeat"), 1),
                new PrometheusText.Sample("loa_receipts_total", Map.of("state", "finished"), 1),
                new PrometheusText.Sample("loa_emergencies_ended_total", Map.of("state", "ended"), 1),
                new PrometheusText.Sample("loa_emergency_stations_total", Map.of("stage", "played"), 1));
        assertThat(PrometheusText.families(text)).containsEntry("loa_http_requests_seconds", "histogram");
        assertThat(samples).anySatisfy(sample -> {
            assertThat(sample.name()).isEqualTo("loa_http_requests_seconds_bucket");
            assertThat(sample.labels()).containsEntry("route", "/api/v1/stations/{id}").containsKey("le");
        });
    }

    @Test
    void labelValuesAreEscaped() {
        MicrometerControllerMetrics metrics = new MicrometerControllerMetrics();
        metrics.decodeFailure("quote\" back\\slash\nline");
        List<PrometheusText.Sample> samples = PrometheusText.parse(metrics.scrape());
        assertThat(samples).anySatisfy(sample ->
                assertThat(sample.labels()).containsEntry("reason", "quote\" back\\slash\nline"));
    }

    @Test
    void validatorRefusesMalformedExpositions() {
        String typed = "# TYPE a_total counter\n";
        assertThatThrownBy(() -> PrometheusText.parse(typed + "a_total 1")).hasMessageContaining("line feed");
        assertThatThrownBy(() -> PrometheusText.parse("a_total 1\n")).hasMessageContaining("before any TYPE");
        assertThatThrownBy(() -> PrometheusText.parse(typed + "a_total{x=\"1\"} one\n")).hasMessageContaining("value");
        assertThatThrownBy(() -> PrometheusText.parse(typed + "a_total{x=\"a\\tb\"} 1\n")).hasMessageContaining("escape");
        assertThatThrownBy(() -> PrometheusText.parse(typed + "a_total{1x=\"a\"} 1\n")).hasMessageContaining("label");
        assertThatThrownBy(() -> PrometheusText.parse(typed + "a_total{x=\"a} 1\n")).hasMessageContaining("label");
        assertThatThrownBy(() -> PrometheusText.parse(typed + "b_total 1\n")).hasMessageContaining("family");
        assertThatThrownBy(() -> PrometheusText.parse(typed + "a_total 1 12.5\n")).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> PrometheusText.parse(typed + typed)).hasMessageContaining("twice");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE h histogram\nh_bucket 1\n")).hasMessageContaining("le");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE 9a gauge\n")).hasMessageContaining("name");
        assertThat(PrometheusText.parse(typed + "a_total{x=\"a\\\"b\",y=\"\"} +Inf 1700000000000\n")).hasSize(1);
    }
}
