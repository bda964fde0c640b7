package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.PrometheusText;
import vn.loa.controller.testutil.TestControllers;

/** {@code /metrics} of a running controller, as Prometheus scrapes it. */
class MetricsEndpointIT {
    private static final String SCRAPE_TOKEN = "scrape-token-0123456789";

    @Test
    void metricsAreValidPrometheusTextWithTheStationGauges(@TempDir Path dir) {
        try (Controller controller = TestControllers.embedded(dir)) {
            ApiClient admin = TestControllers.admin(controller);
            DemoRegistry.communeWithStations(admin, "st-metrics-1", "st-metrics-2");
            admin.get("/api/v1/stations");

            ApiClient.Answer answer = new ApiClient(controller.httpPort()).get("/metrics");
            assertThat(answer.status()).isEqualTo(200);
            List<PrometheusText.Sample> samples = PrometheusText.parse(answer.text());
            assertThat(samples).contains(
                    new PrometheusText.Sample("loa_stations", Map.of("presence", "offline"), 2),
                    new PrometheusText.Sample("loa_stations", Map.of("presence", "online"), 0));
            for (vn.loa.controller.health.Rule rule : vn.loa.controller.health.Rule.values()) {
                assertThat(samples).as("the alert gauge of rule " + rule.wireName())
                        .contains(new PrometheusText.Sample("loa_alerts_open", Map.of("rule", rule.wireName()), 0));
            }
            assertThat(samples).anySatisfy(sample -> {
                assertThat(sample.name()).isEqualTo("loa_http_requests_seconds_count");
                assertThat(sample.labels()).containsEntry("route", "/api/v1/stations").containsEntry("status", "200");
            });
            assertThat(samples).anySatisfy(sample -> assertThat(sample.name()).isEqualTo("process_uptime_seconds"));
        }
    }

    @Test
    void aMetricsTokenKeepsScrapersWithoutItOut(@TempDir Path dir) {
        ControllerConfig config = ControllerConfig.ephemeral(dir).withMetricsToken(SCRAPE_TOKEN);
        try (Controller controller = Controller.start(config, Clock.systemUTC(), TestControllers.ADMIN_PASSWORD)) {
            ApiClient anonymous = new ApiClient(controller.httpPort());
            ApiClient.Answer refused = anonymous.get("/metrics");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.error()).isEqualTo("unauthorized");
            ApiClient.Answer wrong = anonymous.send(anonymous.builder("/metrics")
                    .header("Authorization", "Bearer " + SCRAPE_TOKEN + "x").GET());
            assertThat(wrong.status()).isEqualTo(401);
            ApiClient.Answer scraped = anonymous.send(anonymous.builder("/metrics")
                    .header("Authorization", "Bearer " + SCRAPE_TOKEN).GET());
            assertThat(scraped.status()).isEqualTo(200);
            assertThat(PrometheusText.parse(scraped.text())).isNotEmpty();
            assertThat(anonymous.get("/healthz").status()).isIn(200, 503);
        }
    }
}
