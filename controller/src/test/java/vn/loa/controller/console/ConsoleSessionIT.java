package vn.loa.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.TestControllers;

/**
 * The console's files and its session cookie over real HTTP: the page carries its security
 * headers, library files come from the WebJars, no name reaches outside the console's folders;
 * the cookie a login sets opens reads (streams, audio), and changes only with the console's header
 * from the controller's own origin; the console's scripts never hold the token; logout clears it.
 */
class ConsoleSessionIT {
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();

    private ApiClient.Answer get(ApiClient client, String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(java.net.URI.create(client.base() + path)).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.send(builder);
    }

    @Test
    void thePageAndItsLibrariesAreServedWithTheirHeadersAndNothingElse() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        ApiClient anonymous = new ApiClient(controller.httpPort());
        ApiClient.Answer page = get(anonymous, "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.text()).contains("/console/app.js");
        for (String file : new String[] {"/console/app.js", "/console/pages/emergency.js", "/vendor/leaflet.js",
                "/vendor/chart.umd.min.js", "/vendor/pico.min.css", "/vendor/images/marker-icon.png"}) {
            assertThat(get(anonymous, file).status()).as(file).isEqualTo(200);
        }
        assertThat(get(anonymous, "/console/app.js").raw().headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/javascript");
        for (String file : new String[] {"/console/..%2Flogback.xml", "/console/index.html", "/console/nothing.js",
                "/vendor/leaflet.js.map", "/console/pages/..", "/vendor/images/..%2F..%2Fleaflet.js"}) {
            ApiClient.Answer refused = get(anonymous, file);
            assertThat(refused.status()).as(file).isEqualTo(404);
            assertThat(refused.json().path("error").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void aConfiguredTileServerIsAllowedForImagesOnly() {
        Controller controller = closing.add(Controller.start(vn.loa.controller.config.ControllerConfig.ephemeral(
                dir.resolve("controller")).withConsole(new vn.loa.controller.config.ConsoleSettings(
                "https://tiles.example.vn/{z}/{x}/{y}.png", "© Sở TT&TT")), java.time.Clock.systemUTC(),
                TestControllers.ADMIN_PASSWORD));
        String policy = get(new ApiClient(controller.httpPort()), "/").raw().headers()
                .firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("img-src 'self' data: blob: https://tiles.example.vn;")
                .contains("script-src 'self';").contains("connect-src 'self';");
        ApiClient admin = TestControllers.admin(controller);
        assertThat(admin.get("/api/v1/console/settings").json().path("tileUrl").asText())
                .isEqualTo("https://tiles.example.vn/{z}/{x}/{y}.png");
    }

    @Test
    void theConsoleNeverHoldsTheTokenItself() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        ApiClient client = new ApiClient(controller.httpPort());
        ApiClient.Answer login = client.send(client.builder("/api/v1/auth/login").header("X-Loa-Console", "1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + TestControllers.ADMIN_PASSWORD + "\"}")));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(login.json().has("token")).as("the console's login answers without the token").isFalse();
        assertThat(login.json().path("expiresAt").asText()).isNotEmpty();
        assertThat(login.raw().headers().firstValue("Set-Cookie").orElseThrow()).startsWith("loa_session=");

        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            console.login("admin", TestControllers.ADMIN_PASSWORD);
            String token = console.page().context().cookies().stream().filter(c -> c.name.equals("loa_session"))
                    .findFirst().orElseThrow().value;
            assertThat(token).isNotEmpty();
            String storage = (String) console.page().evaluate("() => JSON.stringify(localStorage)");
            assertThat(storage).doesNotContain(token);
            console.page().reload();
            console.page().locator("main .page-title").waitFor();
            PlaywrightAssertions.assertThat(console.page().locator("#logout")).isVisible();
            console.go("users");
            console.page().getByLabel("Tên đăng nhập", new Page.GetByLabelOptions()
                    .setExact(true)).fill("cookie.only");
            console.page().locator("form.user-create input[type=password]").fill("chỉ bằng cookie 2026");
            console.page().locator("form.user-create select[name='role']").selectOption("admin");
            console.page().getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Tạo tài khoản")).click();
            PlaywrightAssertions.assertThat(
                    console.page().locator("tr[data-user='cookie.only']")).isVisible();
            console.assertClean();
        }
    }

    @Test
    void theSessionCookieOpensReadsAndChangesOnlyFromTheConsoleAndLogoutClearsIt() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        ApiClient admin = TestControllers.admin(controller);
        ApiClient.Answer login = new ApiClient(controller.httpPort()).post("/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + TestControllers.ADMIN_PASSWORD + "\"}");
        String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("loa_session=" + login.json().path("token").asText() + ";")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");
        assertThat(login.json().path("user").path("permissions").toString()).contains("manage-users")
                .contains("run-emergencies");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        ApiClient browser = new ApiClient(controller.httpPort());

        ApiClient.Answer me = get(browser, "/api/v1/auth/me", "Cookie", cookie);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("admin");
        String bulletin = BulletinUploads.approvedWav(admin, "Bản tin", "normal", 1);
        assertThat(get(browser, "/api/v1/bulletins/" + bulletin + "/audio", "Cookie", cookie).status()).isEqualTo(200);
        String sha = admin.get("/api/v1/bulletins/" + bulletin).json().path("sha256").asText();
        assertThat(get(browser, "/audio/" + sha, "Cookie", cookie).status()).isEqualTo(200);

        ApiClient.Answer change = browser.send(HttpRequest.newBuilder(java.net.URI.create(browser.base()
                + "/api/v1/bulletins/" + bulletin + "/archive")).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(change.status()).isEqualTo(401);
        ApiClient.Answer crossSite = browser.send(HttpRequest.newBuilder(java.net.URI.create(browser.base()
                + "/api/v1/bulletins/" + bulletin + "/archive")).header("Cookie", cookie)
                .header("X-Loa-Console", "1").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(crossSite.status()).as("the console's header from another origin").isEqualTo(403);
        assertThat(crossSite.json().path("message").asText()).contains("https://evil.example")
                .contains("proxy_set_header Host");
        assertThat(admin.get("/api/v1/bulletins/" + bulletin).json().path("state").asText()).isEqualTo("approved");
        ApiClient.Answer fromConsole = browser.send(HttpRequest.newBuilder(java.net.URI.create(browser.base()
                + "/api/v1/bulletins/" + bulletin + "/archive")).header("Cookie", cookie)
                .header("X-Loa-Console", "1").header("Origin", "http://127.0.0.1:" + controller.httpPort())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(fromConsole.status()).as(fromConsole.text()).isEqualTo(200);
        assertThat(admin.get("/api/v1/bulletins/" + bulletin).json().path("state").asText()).isEqualTo("archived");

        ApiClient.Answer logout = browser.send(HttpRequest.newBuilder(java.net.URI.create(browser.base()
                + "/api/v1/auth/logout")).header("Authorization", "Bearer " + login.json().path("token").asText())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.raw().headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(get(browser, "/api/v1/auth/me", "Cookie", cookie).status()).isEqualTo(401);
    }
}
