package vn.loa.controller.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.testutil.BlackholeProxy;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestAgents;
import vn.loa.controller.testutil.TestControllers;
import vn.loa.protocol.Zone;

/**
 * The overview follows the stations live: two real agents online, then one station's link dies
 * without a word (a black hole, as when a 3G link drops), and the overview shows it offline, with
 * its counts, its marker and its alert changed, without the page being loaded again. The station
 * then plays a scheduled bulletin: the overview counts it playing; its page shows what it plays and
 * its relay on, then the finished broadcast among its receipts, its zones and charts of its heartbeats
 * (which follow the station's events in place).
 * Last, the other station's agent is stopped, and the overview shows it offline too.
 */
class ConsoleLiveStatusIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int KEEPALIVE_SECONDS = 2;

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();
    private Controller controller;

    @Test
    void aStationWhoseLinkDiesTurnsOfflineOnTheOverviewWithoutAReload() throws Exception {
        ControllerConfig.Health health = new ControllerConfig.Health(0, 2000, 5, 0, 150.0, 10, 60, 10, List.of());
        controller = closing.add(Controller.start(ControllerConfig.ephemeral(dir.resolve("controller"))
                .withHealth(health), Clock.systemUTC(), TestControllers.ADMIN_PASSWORD));
        ApiClient api = TestControllers.admin(controller);
        long commune = DemoRegistry.communeWithStations(api);
        station(api, "cho-1", "Cụm loa chợ", commune, 10.46, 105.64);
        station(api, "truong-2", "Cụm loa trường học", commune, 10.47, 105.62);
        BlackholeProxy proxy = closing.add(BlackholeProxy.start(controller.embeddedBrokerPort().orElseThrow()));
        StationAgent market = closing.add(agent(api, "cho-1", "tcp://127.0.0.1:"
                + controller.embeddedBrokerPort().orElseThrow()));
        closing.add(agent(api, "truong-2", proxy.uri()));
        await("both stations online").atMost(WAIT).until(() -> status(api, "cho-1").equals("online")
                && status(api, "truong-2").equals("online"));

        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            Page page = console.login("admin", TestControllers.ADMIN_PASSWORD).go("overview").page();
            PlaywrightAssertions.assertThat(count(page, "online")).hasText("2");
            PlaywrightAssertions.assertThat(count(page, "offline")).hasText("0");
            PlaywrightAssertions.assertThat(page.locator("path.station-marker")).hasCount(2);
            PlaywrightAssertions.assertThat(page.locator("#live")).hasAttribute("data-state", "open");
            page.evaluate("() => { window.loaStillHere = 'the same page'; }");

            proxy.cut();

            PlaywrightAssertions.assertThat(count(page, "offline")).hasText("1");
            PlaywrightAssertions.assertThat(count(page, "online")).hasText("1");
            PlaywrightAssertions.assertThat(page.locator("path.station-marker[data-station='truong-2']"))
                    .hasAttribute("data-kind", "offline");
            PlaywrightAssertions.assertThat(page.locator("path.station-marker[data-station='cho-1']"))
                    .hasAttribute("data-kind", "online");
            PlaywrightAssertions.assertThat(page.locator("table.alerts tr[data-station='truong-2']")).hasCount(1);
            assertThat(page.evaluate("() => window.loaStillHere")).as("no navigation, no reload")
                    .isEqualTo("the same page");
            console.screenshot("live-overview-vi");

            page.locator("[data-count='offline']").click();
            Locator rows = page.locator("table.stations tbody tr[data-station]");
            PlaywrightAssertions.assertThat(rows).hasCount(1);
            PlaywrightAssertions.assertThat(rows).hasAttribute("data-station", "truong-2");
            PlaywrightAssertions.assertThat(page.getByLabel("Trạng thái")).hasValue("offline");
            page.getByLabel("Trạng thái").selectOption("online");
            PlaywrightAssertions.assertThat(rows).hasCount(1);
            PlaywrightAssertions.assertThat(rows).hasAttribute("data-station", "cho-1");
            console.go("overview");

            String bulletin = BulletinUploads.approvedWav(api, "Bản tin thời sự sáng", "normal", 12.0);
            schedule(api, bulletin, 8, "cho-1");
            PlaywrightAssertions.assertThat(count(page, "playing")).hasText("1");
            PlaywrightAssertions.assertThat(page.locator("path.station-marker[data-station='cho-1']"))
                    .hasAttribute("data-kind", "playing");
            console.screenshot("live-overview-playing-vi");

            console.go("stations/cho-1");
            PlaywrightAssertions.assertThat(page.locator(".now-playing")).containsText("Bản tin thời sự sáng");
            PlaywrightAssertions.assertThat(page.locator("table.zones tr[data-channel='1']")).containsText("Đang bật");
            console.screenshot("live-station-playing-vi");
            PlaywrightAssertions.assertThat(page.locator("canvas[data-quantity='heartbeats']")).isVisible();
            Object drawnUntil = page.evaluate("() => { const chart = Chart.getChart(document.querySelector("
                    + "\"canvas[data-quantity='heartbeats']\")); chart.loaSameChart = true; return chart.options.scales.x.max; }");
            PlaywrightAssertions.assertThat(page.locator("table.receipts tr[data-state='finished']")).hasCount(1);
            page.evaluate("() => { window.loaReceiptSeen = Date.now(); }");
            // the same chart, with data asked for around the receipt: the live event, not the minute's timer
            page.waitForFunction("(before) => { const chart = Chart.getChart(document.querySelector("
                    + "\"canvas[data-quantity='heartbeats']\")); return Boolean(chart && chart.loaSameChart"
                    + " && chart.options.scales.x.max > before"
                    + " && chart.options.scales.x.max >= window.loaReceiptSeen - 3000); }", drawnUntil,
                    new Page.WaitForFunctionOptions().setTimeout(12_000));
            PlaywrightAssertions.assertThat(page.locator(".nothing-playing")).isVisible();
            PlaywrightAssertions.assertThat(page.locator("table.zones tr[data-channel='1']")).containsText("Tắt");
            Locator zones = page.locator("table.zones tbody tr");
            PlaywrightAssertions.assertThat(zones).hasCount(2);
            PlaywrightAssertions.assertThat(zones.nth(0)).containsText("Loa chợ");
            PlaywrightAssertions.assertThat(zones.nth(1)).containsText("Loa nhà văn hoá");
            PlaywrightAssertions.assertThat(page.locator("canvas[data-quantity='heartbeats']")).isVisible();
            assertThat(chartPoints(page, "heartbeats")).as("heartbeat buckets on the chart").isPositive();
            assertThat(chartPoints(page, "uptime")).as("uptime on the chart").isPositive();
            console.screenshot("live-station-vi");

            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("7 ngày qua")).click();
            PlaywrightAssertions.assertThat(page.locator("button[data-period='week']"))
                    .hasAttribute("aria-pressed", "true");
            assertThat(chartPoints(page, "heartbeats")).isPositive();
            console.switchLanguage().go("stations/cho-1");
            PlaywrightAssertions.assertThat(page.locator("table.zones")).isVisible();
            assertThat(console.untranslated()).as("Vietnamese left on the English station page").isEmpty();
            console.screenshot("live-station-en");
            console.go("overview");
            assertThat(console.untranslated()).as("Vietnamese left on the English overview").isEmpty();
            console.screenshot("live-overview-en");

            // the other station's agent is stopped (switched off): the overview follows, no reload
            page.evaluate("() => { window.loaStillHere = 'still the same page'; }");
            market.close();
            PlaywrightAssertions.assertThat(count(page, "offline")).hasText("2");
            PlaywrightAssertions.assertThat(count(page, "online")).hasText("0");
            PlaywrightAssertions.assertThat(page.locator("path.station-marker[data-station='cho-1']"))
                    .hasAttribute("data-kind", "offline");
            assertThat(page.evaluate("() => window.loaStillHere")).as("no navigation, no reload")
                    .isEqualTo("still the same page");
            console.screenshot("live-overview-stopped-en");
            console.assertClean();
        }
    }

    /** A one-off schedule this many seconds ahead (local time, whole seconds). */
    private static void schedule(ApiClient api, String bulletin, int secondsAhead, String station) {
        LocalDateTime local = LocalDateTime.now(BroadcastTime.ZONE).plusSeconds(secondsAhead)
                .truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Answer created = api.post("/api/v1/schedules", "{\"bulletinId\":\"" + bulletin + "\",\"start\":\""
                + local + "\",\"targets\":{\"stations\":[\"" + station + "\"]}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private static Locator count(Page page, String kind) {
        return page.locator("[data-count='" + kind + "'] strong");
    }

    /** The points with a value on a station chart, read from Chart.js (retried until the chart has some). */
    private static int chartPoints(Page page, String quantity) {
        String script = "() => { const c = document.querySelector(\"canvas[data-quantity='" + quantity + "']\");"
                + " const chart = c && Chart.getChart(c);"
                + " return chart ? chart.data.datasets[0].data.filter(p => p.y !== null).length : 0; }";
        page.waitForFunction("(" + script + ")() > 0");
        return ((Number) page.evaluate(script)).intValue();
    }

    private static void station(ApiClient api, String id, String name, long commune, double latitude,
                                double longitude) {
        ApiClient.Answer answer = api.post("/api/v1/stations", "{\"id\":\"" + id + "\",\"areaId\":" + commune
                + ",\"name\":\"" + name + "\",\"latitude\":" + latitude + ",\"longitude\":" + longitude
                + ",\"zones\":[{\"channel\":1,\"name\":\"Loa chợ\"},{\"channel\":2,\"name\":\"Loa nhà văn hoá\"}]}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    private StationAgent agent(ApiClient api, String id, String brokerUri) {
        return TestAgents.start(api, TestAgents.config(controller, brokerUri, id, dir.resolve("agent-" + id))
                .withZones(List.of(new Zone(1, "Loa chợ"), new Zone(2, "Loa nhà văn hoá")))
                .withKeepAliveSeconds(KEEPALIVE_SECONDS).withPlayout(TestAgents.QUICK_PLAYOUT));
    }

    private static String status(ApiClient api, String station) {
        return api.get("/api/v1/stations/" + station).json().path("status").asText();
    }
}
