package vn.loa.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestControllers;

/**
 * Every page of the console as an administrator, in Vietnamese and then in English: each renders
 * without a console error or a failed request, breaks no WCAG 2.1 A/AA rule axe-core checks,
 * leaves no Vietnamese string visible in English, and is kept as a screenshot under
 * target/console-screenshots.
 */
class ConsoleTourIT {
    static final List<String> PAGES = List.of("overview", "stations", "bulletins", "schedules", "broadcasts",
            "emergency", "alerts", "reports", "users", "audit");

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();

    @Test
    void everyPageRendersInBothLanguagesWithoutErrors() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        ApiClient api = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(api, "tour-01", "tour-02");
        api.patch("/api/v1/stations/tour-01", "{\"latitude\":10.52,\"longitude\":105.85}");
        api.patch("/api/v1/stations/tour-02", "{\"latitude\":10.61,\"longitude\":105.97}");
        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            console.screenshot("login-vi");
            assertThat(console.accessibilityViolations()).as("accessibility of the login page").isEmpty();
            console.login("admin", TestControllers.ADMIN_PASSWORD);
            for (String page : PAGES) {
                console.go(page).screenshot(page + "-vi");
                assertThat(console.accessibilityViolations()).as("accessibility of the " + page + " page").isEmpty();
            }
            List<String> moves = new java.util.ArrayList<>(PAGES);
            moves.addAll(List.of("schedules", "bulletins"));
            for (String page : moves) {
                console.page().evaluate("route => { location.hash = '#/' + route; }", page);
            }
            // the bulletins page finished (its library is listed), and nothing of the pages passed through is left
            PlaywrightAssertions.assertThat(console.page().locator("main h2", new Page.LocatorOptions()
                    .setHasText("Thư viện bản tin"))).isVisible();
            console.page().waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            PlaywrightAssertions.assertThat(console.page().locator("main .page")).hasCount(1);
            PlaywrightAssertions.assertThat(console.page().locator("main h1")).hasText(new String[] {"Bản tin"});
            PlaywrightAssertions.assertThat(console.page().locator("main h2", new Page.LocatorOptions()
                    .setHasText("Lịch phát"))).hasCount(0);
            console.switchLanguage();
            for (String page : PAGES) {
                console.go(page).screenshot(page + "-en");
                assertThat(console.untranslated()).as("Vietnamese left on the English " + page + " page").isEmpty();
            }
            console.assertClean();
        }
    }
}
