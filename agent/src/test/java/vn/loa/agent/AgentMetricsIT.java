package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.MetricsSettings;
import vn.loa.agent.health.SystemReading;
import vn.loa.agent.link.PahoBrokerLink;
import vn.loa.agent.testutil.EmbeddedBroker;
import vn.loa.agent.testutil.FakeSystemProbe;

/** The agent's Prometheus endpoint, on a real broker link: off unless configured, then its meters as text. */
class AgentMetricsIT {
    private static final String STATION = "metrics-it";
    /** A sample line: name, optional labels with escaped values, a number. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? "
                    + "([+-]?[0-9.]+([eE][+-]?[0-9]+)?|[+-]?Inf|NaN)( -?[0-9]+)?");

    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private StationAgent agent;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.start(dir.resolve("broker"));
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        broker.close();
    }

    private StationAgent start(AgentConfig config) {
        FakeSystemProbe probe = new FakeSystemProbe().reading(new SystemReading(1000L, 0.5, 512L, 1024L,
                7_000_000_000L, 48.5));
        agent = StationAgent.start(config, Clock.systemUTC(), new PahoBrokerLink(broker.uri(), "loa-agent-" + STATION,
                null, null, 2, Duration.ofSeconds(5)), probe);
        return agent;
    }

    private AgentConfig config() {
        return AgentConfig.of(STATION, broker.uri(), dir.resolve("agent")).withHeartbeatSeconds(1);
    }

    @Test
    void metricsAreOffByDefault() {
        start(config());
        await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);
        assertThat(agent.metricsPort()).isEmpty();
    }

    @Test
    void aConfiguredPortServesTheStationsMetersAsPrometheusText() throws Exception {
        start(config().withMetrics(new MetricsSettings(0, "127.0.0.1")));
        int port = agent.metricsPort().orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(agent::isConnected);

        HttpResponse<String> response = get(port, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        String text = response.body();
        for (String line : text.split("\n")) {
            assertThat(line.startsWith("# HELP ") || line.startsWith("# TYPE ") || SAMPLE.matcher(line).matches())
                    .as("line of the exposition: %s", line).isTrue();
        }
        String station = "station=\"" + STATION + "\"";
        assertThat(text).contains("loa_agent_mqtt_connected{" + station + "} 1.0")
                .contains("loa_agent_mqtt_connects_total{" + station + "} 1.0")
                .contains("loa_agent_system_temperature_celsius{" + station + "} 48.5")
                .contains("loa_agent_system_disk_free_bytes{" + station + "} 7.0E9")
                .contains("loa_agent_outbox_receipts{" + station + "} 0.0")
                .contains("loa_agent_relay_fault{" + station + "} 0.0")
                .contains("loa_agent_plan_version{" + station + "}")
                .contains("loa_agent_audio_cache_bytes{" + station + "}")
                .contains("# TYPE loa_agent_playout_lateness_seconds histogram")
                .contains("process_uptime_seconds{" + station + "}");
        assertThat(get(port, "/other").statusCode()).isEqualTo(404);
    }

    @Test
    void closingTheAgentClosesItsMetricsPort() throws Exception {
        start(config().withMetrics(new MetricsSettings(0, "127.0.0.1")));
        int port = agent.metricsPort().orElseThrow();
        assertThat(get(port, "/metrics").statusCode()).isEqualTo(200);
        agent.close();
        agent = null;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(port, "/metrics"))
                        .isInstanceOf(ConnectException.class));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
