package vn.loa.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ConsoleSettings;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestControllers;

/**
 * A tile server configured for the map (a real HTTP server on a free port standing in for a
 * province's own): the overview draws its tiles under the station markers, the page's policy lets
 * them in, and the configured attribution is shown as text, never as markup.
 */
class ConsoleMapTilesIT {
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();
    private final List<String> tilesAsked = new CopyOnWriteArrayList<>();

    private String startTileServer() throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(0, 0, 256, 256);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] tile = png.toByteArray();
        HttpServer tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tiles.createContext("/", exchange -> {
            tilesAsked.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, tile.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(tile);
            }
        });
        tiles.start();
        closing.add(() -> tiles.stop(0));
        return "http://127.0.0.1:" + tiles.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png";
    }

    @Test
    void theOverviewDrawsTheConfiguredTilesAndTheirAttributionAsText() throws IOException {
        String attribution = "<b>Bản đồ</b> © Sở TT&TT";
        Controller controller = closing.add(Controller.start(ControllerConfig.ephemeral(dir.resolve("controller"))
                .withConsole(new ConsoleSettings(startTileServer(), attribution)), Clock.systemUTC(),
                TestControllers.ADMIN_PASSWORD));
        ApiClient admin = TestControllers.admin(controller);
        long commune = DemoRegistry.communeWithStations(admin);
        DemoRegistry.placedStation(admin, "ban-do-1", "Cụm loa bến đò", commune, 10.45, 105.63);

        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            Page page = console.login("admin", TestControllers.ADMIN_PASSWORD).go("overview").page();
            PlaywrightAssertions.assertThat(page.locator("path.station-marker")).hasCount(1);
            PlaywrightAssertions.assertThat(page.locator(".map-note")).hasCount(0);
            page.waitForFunction("() => document.querySelectorAll('img.leaflet-tile-loaded').length > 0");
            assertThat(tilesAsked).isNotEmpty().allMatch(path -> path.matches("/tiles/\\d+/\\d+/\\d+\\.png"));
            PlaywrightAssertions.assertThat(page.locator(".leaflet-control-attribution")).containsText(attribution);
            PlaywrightAssertions.assertThat(page.locator(".leaflet-control-attribution b")).hasCount(0);
            console.screenshot("map-tiles-vi");
            console.assertClean();
        }
    }
}
