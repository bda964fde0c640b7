package vn.loa.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.loa.controller.testutil.PrometheusText;

/** The Grafana dashboard in examples/ imports (JSON, a Prometheus input) and asks only for metrics that exist. */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("../examples/grafana/loa-controller.json");
    /** Added by the alerts work; the dashboard shows it already. */
    private static final String ALERTS_OPEN = "loa_alerts_open";
    /** Names of our meters, Micrometer's binders' and PromQL's own words are told apart by these prefixes. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:loa|jvm|process|system)_[a-zA-Z0-9_:]*)");

    private final JsonNode dashboard = read();

    private static JsonNode read() {
        try {
            return JsonMapper.builder().build().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new AssertionError("dashboard is not valid JSON", e);
        }
    }

    @Test
    void dashboardTakesItsPrometheusAsAnImportInput() {
        assertThat(dashboard.path("__inputs").findValuesAsText("name")).contains("DS_PROMETHEUS");
        assertThat(dashboard.path("uid").asText()).isEqualTo("loa-controller");
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                    .isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        }
    }

    @Test
    void everyMetricTheDashboardQueriesIsOneTheControllerRegisters() {
        Set<String> registered = new HashSet<>();
        for (PrometheusText.Sample sample : PrometheusText.parse(MicrometerControllerMetricsTest.everyMeterUsed()
                .scrape())) {
            registered.add(sample.name());
        }
        registered.add(ALERTS_OPEN);
        List<String> queried = queriedMetrics();
        assertThat(queried).contains("loa_stations", ALERTS_OPEN, "loa_mqtt_messages_in_total",
                "loa_http_requests_seconds_bucket", "loa_emergencies_ended_total");
        assertThat(registered).containsAll(queried);
    }

    @Test
    void panelsIdsAreUnique() {
        List<Integer> ids = dashboard.path("panels").findValues("id").stream().map(JsonNode::asInt).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    private List<String> queriedMetrics() {
        List<String> names = new ArrayList<>();
        List<String> queries = new ArrayList<>(dashboard.findValuesAsText("expr"));
        queries.addAll(dashboard.path("templating").findValuesAsText("definition"));
        for (String query : queries) {
            Matcher matcher = METRIC.matcher(query);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
