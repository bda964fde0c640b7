package vn.loa.controller.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.controller.Controller;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestControllers;

/**
 * The record-keeping pages with real agents, as an administrator: the as-run log (its table,
 * timeline and CSV through the session cookie), an alert that appears live when an agent stops
 * and is acknowledged, reports with their charts and printable summary, a user created through
 * the form and that creation in the audit log; every page in Vietnamese and English.
 */
class ConsoleRecordsIT {
    static final List<String> PAGES = List.of("broadcasts", "alerts", "reports", "users", "audit", "emergency");

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();
    private ApiClient api;

    private String state(String station, String bulletin) {
        for (JsonNode row : api.get("/api/v1/broadcasts?station=" + station).json().path("broadcasts")) {
            if (row.path("bulletinId").asText().equals(bulletin)) {
                return row.path("state").asText();
            }
        }
        return "absent";
    }

    @Test
    void asRunLogAlertsReportsUsersAndAuditWork() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        api = TestControllers.admin(controller);
        long commune = DemoRegistry.communeWithStations(api, "rec-01", "rec-02");
        closing.add(ConsoleEmergencyIT.startAgent(controller, api, dir, "rec-01"));
        StationAgent second = closing.add(ConsoleEmergencyIT.startAgent(controller, api, dir, "rec-02"));
        ConsoleEmergencyIT.awaitStatus(api, "online", "rec-01", "rec-02");
        String news = BulletinUploads.approvedWav(api, "Bản tin sáng", "normal", 2);
        LocalDateTime start = startClearOfMidnight();
        Duration untilPlayed = Duration.between(LocalDateTime.now(BroadcastTime.ZONE), start)
                .plus(ConsoleEmergencyIT.WAIT);
        ApiClient.Answer scheduled = api.post("/api/v1/schedules", "{\"bulletinId\":\"" + news + "\",\"start\":\""
                + start + "\",\"targets\":{\"areas\":[" + commune + "]}}");
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        await("the news played at both stations").atMost(untilPlayed).until(() ->
                state("rec-01", news).equals("finished") && state("rec-02", news).equals("finished"));

        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            Page page = console.page();
            console.login("admin", TestControllers.ADMIN_PASSWORD);

            console.go("broadcasts");
            Locator row = page.locator("table.as-run tr[data-station='rec-01']");
            assertThat(row).containsText("Bản tin sáng");
            assertThat(row).containsText("Đã phát xong");
            assertThat(page.locator(".tl-line[data-station='rec-02'] .tl-block[data-state='finished']")).hasCount(1);
            String csv = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải CSV"))
                    .getAttribute("href");
            APIResponse download = page.request().get(console.baseUrl() + csv);
            assertThat(download.status()).as(download.text()).isEqualTo(200);
            assertThat(download.headers().get("content-type")).startsWith("text/csv");
            assertThat(download.text()).contains("rec-01", "rec-02", news);
            console.screenshot("records-broadcasts-vi");

            LocalDate today = start.toLocalDate();
            console.go("broadcasts?from=" + today.minusDays(1) + "&to=" + today);
            Locator day = page.getByLabel("Ngày xem trên dòng thời gian");
            assertThat(day).hasValue(today.toString());
            assertThat(page.locator(".tl-line[data-station='rec-02'] .tl-block[data-state='finished']")).hasCount(1);
            day.selectOption(today.minusDays(1).toString());
            assertThat(page.locator(".tl-line")).hasCount(0);
            assertThat(page.getByText("Ngày này không có buổi phát nào.")).isVisible();
            assertThat(page.locator("table.as-run tr[data-station='rec-01']")).containsText("Bản tin sáng");
            day.selectOption(today.toString());
            assertThat(page.locator(".tl-line[data-station='rec-01'] .tl-block[data-state='finished']")).hasCount(1);

            console.go("alerts");
            assertThat(page.locator("table.alerts-current")).containsText("Không có sự cố nào");
            second.close();
            Locator alert = page.locator("table.alerts-current tr").filter(new Locator.FilterOptions()
                    .setHasText("Cụm loa rec-02"));
            assertThat(alert).containsText("Mất kết nối");
            assertThat(alert.locator("[data-state]")).hasText("Chưa xử lý");
            alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tiếp nhận cảnh báo Mất kết nối "
                    + "ở trạm Cụm loa rec-02")).click();
            assertThat(alert.locator("[data-state]")).hasText("Đã tiếp nhận");
            assertThat(alert).containsText("admin");
            console.screenshot("records-alerts-vi");

            console.go("reports");
            assertThat(page.locator("table.report-hours")).containsText("Xã Thử");
            assertThat(page.locator("table.report-faults")).containsText("Mất kết nối");
            assertThat(page.locator("canvas")).hasCount(3);
            assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll('canvas')]"
                    + ".every((canvas) => Chart.getChart(canvas) !== undefined && canvas.width > 0)")).isTrue();
            String summary = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bản in tổng hợp"))
                    .getAttribute("href");
            APIResponse printable = page.request().get(console.baseUrl() + summary);
            assertThat(printable.status()).as(printable.text()).isEqualTo(200);
            assertThat(printable.headers().get("content-type")).startsWith("text/html");
            console.screenshot("records-reports-vi");

            console.go("users");
            page.getByLabel("Tên đăng nhập", new Page.GetByLabelOptions().setExact(true)).fill("thu.ha");
            page.getByLabel("Họ và tên").fill("Trần Thu Hà");
            page.locator("form.user-create input[type=password]").fill("mật khẩu của Hà 2026");
            page.locator("form.user-create select[name='role-area']").selectOption(String.valueOf(commune));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo tài khoản")).click();
            assertThat(page.locator("tr[data-user='thu.ha']")).containsText("Cán bộ vận hành xã – Xã Thử");
            assertThat(page.locator("tr[data-user='thu.ha']")).containsText("Đang dùng");
            console.screenshot("records-users-vi");

            Locator thuHa = page.locator("tr[data-user='thu.ha']");
            thuHa.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sửa vai trò")).click();
            Locator rolesDialog = page.getByRole(AriaRole.DIALOG);
            rolesDialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Thêm vai trò")).click();
            Locator added = rolesDialog.locator(".role-row").last();
            added.locator("select[name='role']").selectOption("technician");
            added.locator("select[name='role-area']").selectOption(String.valueOf(commune));
            console.screenshot("records-users-roles-vi");
            rolesDialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu")).click();
            assertThat(thuHa).containsText("Kỹ thuật viên – Xã Thử");
            assertThat(thuHa).containsText("Cán bộ vận hành xã – Xã Thử");

            thuHa.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Đặt lại mật khẩu")).click();
            Locator passwordDialog = page.getByRole(AriaRole.DIALOG);
            passwordDialog.getByLabel("Mật khẩu mới").fill("mật khẩu mới của Hà 2027");
            passwordDialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu")).click();
            assertThat(page.locator("#toasts")).containsText("Đã đặt mật khẩu mới cho thu.ha");
            ApiClient thuHaApi = new ApiClient(controller.httpPort()).login("thu.ha", "mật khẩu mới của Hà 2027");
            assertThat(thuHaApi.get("/api/v1/auth/me").json().path("username").asText()).isEqualTo("thu.ha");

            thuHa.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vô hiệu hoá")).click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Vô hiệu hoá")).click();
            assertThat(thuHa).containsText("Đã vô hiệu hoá");
            assertThat(thuHaApi.get("/api/v1/auth/me").status()).as("a disabled account's session ends").isEqualTo(401);
            thuHa.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cho dùng lại")).click();
            assertThat(thuHa).containsText("Đang dùng");
            // no one disables their own account: reset password and roles only
            assertThat(page.locator("tr[data-user='admin'] .row-actions button")).hasCount(2);

            console.go("audit");
            assertThat(page.locator("tr[data-action='user.create']").first()).containsText("thu.ha");
            assertThat(page.locator("tr[data-action='user.create']").first()).containsText("Tạo tài khoản");
            for (String action : List.of("user.roles", "user.password-reset", "user.disable", "user.enable")) {
                assertThat(page.locator("tr[data-action='" + action + "']").first()).containsText("thu.ha");
            }
            console.screenshot("records-audit-vi");
            console.go("emergency");
            console.screenshot("records-emergency-vi");

            console.switchLanguage();
            assertThat(page.locator("#toasts .toast")).hasCount(0);
            for (String name : PAGES) {
                console.go(name).screenshot("records-" + name + "-en");
                assertThat(console.untranslated()).as("Vietnamese left on the English " + name + " page").isEmpty();
                assertThat(console.accessibilityViolations()).as("accessibility of the " + name + " page").isEmpty();
            }
            console.assertClean();
        }
    }

    /**
     * A start a few seconds ahead, in Asia/Ho_Chi_Minh; moved to just after midnight when the page
     * checks, which take well under three minutes, could otherwise run on the next day.
     */
    private static LocalDateTime startClearOfMidnight() {
        LocalDateTime soon = LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(4),
                BroadcastTime.ZONE);
        return soon.toLocalTime().isAfter(LocalTime.of(23, 57)) ? soon.toLocalDate().plusDays(1).atTime(0, 0, 5) : soon;
    }
}
