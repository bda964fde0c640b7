package vn.loa.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestControllers;

/**
 * An operator sees their own commune only: two communes of one district, each with a station and
 * an operator. Operator A, on a phone, finds only A's station on the overview (counts and map) and
 * in the stations table and its area filter; the menu has no pages of other roles; B's station and
 * the users page, reached by their addresses, answer with a refusal in words.
 */
class ConsoleAccessIT {
    private static final String PASSWORD = "a-long-operator-password";

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();

    @Test
    void anOperatorSeesAndReachesOnlyTheirCommune() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        ApiClient admin = TestControllers.admin(controller);
        long province = DemoRegistry.create(admin, "{\"name\":\"Tỉnh Đồng Tháp\",\"code\":\"87\",\"level\":\"province\"}");
        long district = DemoRegistry.create(admin, "{\"name\":\"Huyện Tháp Mười\",\"code\":\"87-875\","
                + "\"level\":\"district\",\"parentId\":" + province + "}");
        long communeA = DemoRegistry.create(admin, "{\"name\":\"Xã Mỹ An\",\"code\":\"87-875-01\","
                + "\"level\":\"commune\",\"parentId\":" + district + "}");
        long communeB = DemoRegistry.create(admin, "{\"name\":\"Xã Trường Xuân\",\"code\":\"87-875-02\","
                + "\"level\":\"commune\",\"parentId\":" + district + "}");
        DemoRegistry.placedStation(admin, "my-an-1", "Cụm loa chợ Mỹ An", communeA, 10.52, 105.85);
        DemoRegistry.placedStation(admin, "truong-xuan-1", "Cụm loa Trường Xuân", communeB, 10.60, 105.70);
        operator(admin, "van.a", communeA);
        operator(admin, "thi.b", communeB);

        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort(),
                ConsoleBrowser.Viewport.PHONE)) {
            Page page = console.login("van.a", PASSWORD).page();

            console.go("overview");
            PlaywrightAssertions.assertThat(page.locator("[data-count='offline'] strong")).hasText("1");
            PlaywrightAssertions.assertThat(page.locator("[data-count='offline'] small")).containsText("1");
            Locator markers = page.locator("path.station-marker");
            PlaywrightAssertions.assertThat(markers).hasCount(1);
            PlaywrightAssertions.assertThat(markers).hasAttribute("data-station", "my-an-1");
            assertThat(page.locator("main").innerText()).doesNotContain("Trường Xuân");
            console.screenshot("access-overview-operator-vi");
            PlaywrightAssertions.assertThat(markers).hasAttribute("role", "link");
            PlaywrightAssertions.assertThat(markers).hasAccessibleName(java.util.regex.Pattern.compile("^Cụm loa chợ Mỹ An: "));
            markers.focus();
            page.keyboard().press("Enter");
            PlaywrightAssertions.assertThat(page).hasURL(java.util.regex.Pattern.compile("#/stations/my-an-1$"));
            PlaywrightAssertions.assertThat(page.locator("main .page-title")).hasText("Cụm loa chợ Mỹ An");

            console.go("stations");
            Locator rows = page.locator("table.stations tbody tr[data-station]");
            PlaywrightAssertions.assertThat(rows).hasCount(1);
            PlaywrightAssertions.assertThat(rows).hasAttribute("data-station", "my-an-1");
            Locator areaOptions = page.locator("select[name='area'] option");
            assertThat(areaOptions.allTextContents()).anyMatch(text -> text.contains("Xã Mỹ An"))
                    .noneMatch(text -> text.contains("Trường Xuân"));
            console.screenshot("access-stations-operator-vi");

            rows.getByRole(AriaRole.LINK).click();
            PlaywrightAssertions.assertThat(page.locator("main .page-title")).hasText("Cụm loa chợ Mỹ An");
            PlaywrightAssertions.assertThat(page.locator("table.zones tbody tr")).hasCount(1);
            PlaywrightAssertions.assertThat(page.locator(".charts-empty"))
                    .hasText("Trạm không gửi báo cáo nào trong khoảng thời gian này.");
            console.screenshot("access-station-operator-vi");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trình đơn")).click();
            Locator menu = page.locator("#nav");
            PlaywrightAssertions.assertThat(menu.getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Trạm").setExact(true))).isVisible();
            PlaywrightAssertions.assertThat(menu.locator("a[href='#/users']")).hasCount(0);
            PlaywrightAssertions.assertThat(menu.locator("a[href='#/audit']")).hasCount(0);
            PlaywrightAssertions.assertThat(menu.getByText(Pattern.compile("Người dùng|Nhật ký hệ thống")))
                    .hasCount(0);
            console.screenshot("access-menu-operator-vi");

            console.expectRefusal("/api/v1/stations/truong-xuan-1", 403);
            console.go("stations/truong-xuan-1");
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT))
                    .hasText("Trạm này không thuộc địa bàn của bạn, nên bạn không xem được.");
            assertThat(page.locator("main").innerText()).doesNotContain("Cụm loa Trường Xuân");
            console.screenshot("access-station-refused-vi");

            console.go("users");
            PlaywrightAssertions.assertThat(page.locator("main .page-title"))
                    .hasText("Vai trò của bạn không cho phép mở trang này.");

            console.switchLanguage().go("stations/truong-xuan-1");
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT))
                    .hasText("This station is outside your areas: you cannot view it.");
            assertThat(console.untranslated()).isEmpty();
            console.go("overview");
            assertThat(console.untranslated()).isEmpty();
            console.screenshot("access-overview-operator-en");
            console.assertClean();
        }
    }

    private static void operator(ApiClient admin, String username, long commune) {
        ApiClient.Answer answer = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":[{\"role\":\"operator\",\"areaId\":" + commune + "}]}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }
}
