package vn.loa.controller.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestAgents;
import vn.loa.controller.testutil.TestAudio;
import vn.loa.controller.testutil.TestControllers;

/**
 * The emergency acceptance point: a commune operator on a phone triggers an emergency
 * for their commune (a standard message, a risk level shown in its colour), confirms it, watches
 * both stations (real agents) turn to playing live, stops it and sees it stopped.
 */
class ConsoleEmergencyIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String OPERATOR = "van.an";
    static final String OPERATOR_PASSWORD = "loa khẩn cấp 2026";

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();

    static StationAgent startAgent(Controller controller, ApiClient api, Path dir, String id) {
        return TestAgents.start(controller, api, dir, id);
    }

    static void awaitStatus(ApiClient api, String status, String... stations) {
        await("stations " + status).atMost(WAIT).until(() -> java.util.Arrays.stream(stations)
                .allMatch(id -> status.equals(api.get("/api/v1/stations/" + id).json().path("status").asText())));
    }

    /** From the trigger to the end of the validity, to the minute. */
    static Duration validity(ApiClient api, String id) {
        var announcement = api.get("/api/v1/emergencies/" + id).json();
        Duration exact = Duration.between(java.time.Instant.parse(announcement.path("triggeredAt").asText()),
                java.time.Instant.parse(announcement.path("validUntil").asText()));
        return Duration.ofMinutes(Math.round(exact.toMillis() / 60_000.0));
    }

    @Test
    void anOperatorOnAPhoneTriggersAnEmergencyWatchesBothStationsPlayAndStopsIt() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        ApiClient api = TestControllers.admin(controller);
        long commune = DemoRegistry.communeWithStations(api, "xa-01", "xa-02");
        closing.add(startAgent(controller, api, dir, "xa-01"));
        closing.add(startAgent(controller, api, dir, "xa-02"));
        awaitStatus(api, "online", "xa-01", "xa-02");
        ApiClient.Answer created = api.post("/api/v1/users", "{\"username\":\"" + OPERATOR + "\",\"password\":\""
                + OPERATOR_PASSWORD + "\",\"roles\":[{\"role\":\"operator\",\"areaId\":" + commune + "}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort(),
                ConsoleBrowser.Viewport.PHONE)) {
            Page page = console.page();
            console.screenshot("emergency-phone-1-login");
            console.login(OPERATOR, OPERATOR_PASSWORD);
            assertThat(page).hasURL(Pattern.compile("#/emergency$"));
            console.go("emergency");
            assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Xã Thử 2 trạm")))
                    .isChecked();
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Còi báo động")))
                    .check();
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Cấp 4"))).check();
            assertThat(page.locator("label.risk-choice.risk-4")).hasCSS("background-color", "rgb(211, 47, 47)");
            page.getByLabel(Pattern.compile("^Tiêu đề")).fill("Lũ quét: sơ tán ngay");
            assertThat(page.getByLabel("Hiệu lực")).hasValue("30");
            page.getByLabel("Hiệu lực").selectOption("60");
            console.screenshot("emergency-phone-2-form");
            assertThat(console.accessibilityViolations()).as("accessibility of the emergency form").isEmpty();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phát thông báo khẩn cấp…")).click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).containsText("Xã Thử");
            assertThat(dialog.locator(".risk-chip.risk-4")).containsText("Cấp 4");
            assertThat(dialog.locator(".risk-chip.risk-4")).hasCSS("background-color", "rgb(211, 47, 47)");
            assertThat(dialog).containsText("1 giờ");
            console.screenshot("emergency-phone-3-confirm");
            assertThat(console.accessibilityViolations()).as("accessibility of the confirmation").isEmpty();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Phát ngay")).click();

            assertThat(page).hasURL(Pattern.compile("#/emergency/em-[a-z0-9]+$"));
            for (String station : List.of("xa-01", "xa-02")) {
                Locator row = page.locator("li[data-station='" + station + "']");
                assertThat(row).hasAttribute("data-stage", "playing", new com.microsoft.playwright.assertions
                        .LocatorAssertions.HasAttributeOptions().setTimeout(WAIT.toMillis()));
                assertThat(row).containsText("Đang phát");
            }
            assertThat(page.locator(".em-counts")).hasText("2/2 trạm đang phát");
            assertThat(page.locator(".em-header .risk-chip.risk-4")).isVisible();
            console.screenshot("emergency-phone-4-playing");
            assertThat(console.accessibilityViolations()).as("accessibility of the progress").isEmpty();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("DỪNG PHÁT")).click();
            console.screenshot("emergency-phone-5-stop-confirm");
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Dừng ngay")).click();
            assertThat(page.locator(".em-header [data-state]")).hasText("Đã dừng");
            for (String station : List.of("xa-01", "xa-02")) {
                Locator row = page.locator("li[data-station='" + station + "']");
                assertThat(row).hasAttribute("data-stage", "stopped", new com.microsoft.playwright.assertions
                        .LocatorAssertions.HasAttributeOptions().setTimeout(WAIT.toMillis()));
                assertThat(row).containsText("Đã dừng");
            }
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("DỪNG PHÁT"))).isHidden();
            console.screenshot("emergency-phone-6-stopped");

            String id = page.url().replaceAll(".*#/emergency/", "");
            assertThat(api.get("/api/v1/emergencies/" + id).json().path("state").asText()).isEqualTo("stopped");
            assertThat(api.get("/api/v1/emergencies/" + id).json().path("triggeredBy").asText()).isEqualTo(OPERATOR);
            assertThat(api.get("/api/v1/emergencies/" + id).json().path("riskLevel").asInt()).isEqualTo(4);
            assertThat(validity(api, id)).as("the validity chosen in the form").isEqualTo(Duration.ofHours(1));
            assertThat(page.locator(".em-header")).containsText("Hiệu lực đến");

            console.go("emergency");
            assertThat(page.locator("li[data-emergency='" + id + "']")).containsText("Đã dừng");
            console.screenshot("emergency-phone-7-list");
            console.switchLanguage();
            console.go("emergency/" + id);
            assertThat(page.locator(".em-header [data-state]")).hasText("Stopped");
            assertThat(page.locator("#toasts .toast")).hasCount(0);
            assertThat(console.untranslated()).as("Vietnamese left on the English emergency page").isEmpty();
            console.screenshot("emergency-phone-8-en");
            console.assertClean();
        }
    }

    @Test
    void anAdministratorUploadsTheAudioForOneStationOfAnArea() {
        // this controller's announcements are valid 20 minutes unless said otherwise, an hour at most
        Controller controller = closing.add(Controller.start(ControllerConfig.ephemeral(dir.resolve("controller"))
                .withEmergencies(new ControllerConfig.Emergencies(3, 20, 1, 1000, 120)), Clock.systemUTC(),
                TestControllers.ADMIN_PASSWORD));
        ApiClient api = TestControllers.admin(controller);
        long commune = DemoRegistry.communeWithStations(api, "xa-01", "xa-02");
        closing.add(startAgent(controller, api, dir, "xa-01"));
        awaitStatus(api, "online", "xa-01");

        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            Page page = console.page();
            console.login("admin", TestControllers.ADMIN_PASSWORD);
            console.go("emergency");
            page.locator("select[name='em-area-select']").selectOption(String.valueOf(commune));
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Cụm loa xa-01")).check();
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Tải tệp lên")).check();
            page.getByLabel(Pattern.compile("^Tệp âm thanh")).setInputFiles(new FilePayload("canh-bao.wav", "audio/wav",
                    TestAudio.wav(2)));
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Cấp 2"))).check();
            page.getByLabel("Số lần phát").fill("1");
            assertThat(page.getByLabel("Hiệu lực")).hasValue("20");
            assertThat(page.locator("select[name='em-valid'] option")).hasText(new String[] {"15 phút", "20 phút",
                "30 phút", "1 giờ"});
            page.getByLabel("Hiệu lực").selectOption("15");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phát thông báo khẩn cấp…")).click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).containsText("Cụm loa xa-01");
            assertThat(dialog).containsText("canh-bao.wav");
            console.screenshot("emergency-admin-upload-confirm");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Phát ngay")).click();

            assertThat(page).hasURL(Pattern.compile("#/emergency/em-[a-z0-9]+$"));
            assertThat(page.locator("li[data-station='xa-01']")).hasAttribute("data-stage", "finished",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                            .setTimeout(WAIT.toMillis()));
            assertThat(page.locator("li[data-station='xa-02']")).hasCount(0);
            assertThat(page.locator(".em-header [data-state]")).hasText("Đã kết thúc");
            assertThat(page.locator(".em-header")).containsText("Tệp tải lên");
            console.screenshot("emergency-admin-upload-ended");
            String id = page.url().replaceAll(".*#/emergency/", "");
            assertThat(api.get("/api/v1/emergencies/" + id).json().path("audio").asText()).isEqualTo("upload");
            assertThat(api.get("/api/v1/emergencies/" + id).json().path("riskColour").asText()).isEqualTo("light-yellow");
            assertThat(validity(api, id)).as("the validity sent with the file").isEqualTo(Duration.ofMinutes(15));
            console.assertClean();
        }
    }
}
