package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.agent.config.AgentConfig;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.health.WebhookSender;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BlackholeProxy;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.Metrics;
import vn.loa.controller.testutil.StationLogins;
import vn.loa.controller.testutil.TestControllers;
import vn.loa.controller.testutil.WebhookReceiver;

/**
 * Health alerts end to end with real agents on the embedded broker: a link that dies silently
 * opens an {@code offline} alert within 1.5 × the keepalive (plus the controller's evaluation), it
 * resolves when the station returns, a webhook that fails its first delivery still gets each
 * notification once; an agent 5 s ahead raises {@code clock-skew}.
 */
class HealthAlertsIT {
    private static final int KEEPALIVE_SECONDS = 2;
    private static final String SECRET = "district-secret";

    @TempDir
    Path dir;

    private Controller controller;
    private BlackholeProxy proxy;
    private WebhookReceiver webhook;
    private final List<StationAgent> agents = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        agents.forEach(StationAgent::close);
        if (proxy != null) {
            proxy.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    private void startController() throws Exception {
        webhook = WebhookReceiver.start(1);
        ControllerConfig.Health health = new ControllerConfig.Health(0, 2000, 5, 0, 150.0, 10, 60, 10,
                List.of(new ControllerConfig.Webhook(webhook.uri(), SECRET)));
        controller = Controller.start(ControllerConfig.ephemeral(dir.resolve("controller")).withHealth(health),
                Clock.systemUTC(), TestControllers.ADMIN_PASSWORD);
    }

    @Test
    void aSilentlyDeadLinkOpensAnOfflineAlertThatResolvesAndEachNotificationArrivesOnce() throws Exception {
        startController();
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, "st-c");
        proxy = BlackholeProxy.start(controller.embeddedBrokerPort().orElseThrow());
        agents.add(agent(api, "st-c", proxy.uri(), Clock.systemUTC()));
        await("st-c online").atMost(Duration.ofSeconds(20)).until(() ->
                "online".equals(api.get("/api/v1/stations/st-c").json().path("status").asText()));

        long cutAt = System.nanoTime();
        proxy.cut();
        await("offline alert").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> alert(api, "st-c", "offline", "open").isPresent());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - cutAt);
        assertThat(elapsed).as("alert after %s ms", elapsed.toMillis())
                .isLessThanOrEqualTo(Duration.ofMillis(1500L * KEEPALIVE_SECONDS + 1500));
        assertThat(Metrics.value(api, "loa_alerts_open", "rule", "offline")).isEqualTo(1.0);

        long id = alert(api, "st-c", "offline", "open").orElseThrow().path("id").asLong();
        ApiClient.Answer ack = api.post("/api/v1/alerts/" + id + "/acknowledge", "{}");
        assertThat(ack.status()).as(ack.text()).isEqualTo(200);
        assertThat(ack.json().path("state").asText()).isEqualTo("acknowledged");
        assertThat(ack.json().path("acknowledgedBy").asText()).isEqualTo("admin");
        assertThat(api.get("/api/v1/audit?action=alert.acknowledge").json().path("entries").size()).isEqualTo(1);

        proxy.restore();
        await("offline alert resolved").atMost(Duration.ofSeconds(30)).until(() ->
                alert(api, "st-c", "offline", "resolved").isPresent());
        JsonNode resolved = alert(api, "st-c", "offline", "resolved").orElseThrow();
        assertThat(resolved.path("id").asLong()).isEqualTo(id);
        assertThat(resolved.path("acknowledgedBy").asText()).isEqualTo("admin");
        assertThat(Metrics.value(api, "loa_alerts_open", "rule", "offline")).isEqualTo(0.0);

        await("both notifications delivered").atMost(Duration.ofSeconds(20)).until(() ->
                webhook.accepted().size() >= 2);
        assertThat(webhook.refused()).isEqualTo(1);
        List<WebhookReceiver.Delivery> delivered = webhook.accepted();
        assertThat(delivered).extracting(d -> d.json().path("event").asText())
                .containsExactly("alert.opened", "alert.resolved");
        assertThat(delivered).extracting(WebhookReceiver.Delivery::eventIdHeader).doesNotHaveDuplicates();
        for (WebhookReceiver.Delivery delivery : delivered) {
            assertThat(delivery.json().path("alert").path("id").asLong()).isEqualTo(id);
            assertThat(delivery.json().path("eventId").asText()).isEqualTo(delivery.eventIdHeader());
            assertThat(delivery.signature()).isEqualTo("sha256=" + WebhookSender.sign(SECRET, delivery.body()));
        }

        JsonNode report = api.get("/api/v1/reports/faults").json();
        assertThat(report.path("totals").get(0).path("rule").asText()).isEqualTo("offline");
        assertThat(report.path("totals").get(0).path("count").asInt()).isEqualTo(1);
        assertThat(report.path("totals").get(0).path("resolved").asInt()).isEqualTo(1);
        String csv = api.get("/api/v1/reports/faults?format=csv").text();
        assertThat(csv).startsWith("station,rule,count").contains("\r\nst-c,offline,1,1,0,");
    }

    @Test
    void anAgentWhoseClockIsFiveSecondsAheadRaisesClockSkew() throws Exception {
        startController();
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, "st-skew", "st-good");
        String broker = "tcp://127.0.0.1:" + controller.embeddedBrokerPort().orElseThrow();
        agents.add(agent(api, "st-skew", broker, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5))));
        agents.add(agent(api, "st-good", broker, Clock.systemUTC()));
        await("clock-skew alert").atMost(Duration.ofSeconds(20)).until(() ->
                alert(api, "st-skew", "clock-skew", "open").isPresent());
        assertThat(alert(api, "st-skew", "clock-skew", "open").orElseThrow().path("detail").asText())
                .contains("ahead");
        await("st-good heartbeats seen").atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/v1/stations/st-good").json().path("uptimeSeconds").asLong() >= 3);
        assertThat(alert(api, "st-good", "clock-skew", "open")).isEmpty();
    }

    private StationAgent agent(ApiClient api, String id, String brokerUri, Clock clock) {
        return StationAgent.start(StationLogins.loggedIn(api, AgentConfig.of(id, brokerUri, dir.resolve("agent-" + id))
                .withHeartbeatSeconds(1).withKeepAliveSeconds(KEEPALIVE_SECONDS)), clock);
    }

    static Optional<JsonNode> alert(ApiClient api, String station, String rule, String state) {
        ApiClient.Answer answer = api.get("/api/v1/alerts?station=" + station + "&rule=" + rule);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        for (JsonNode alert : answer.json().path("alerts")) {
            if (alert.path("state").asText().equals(state)) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }
}
