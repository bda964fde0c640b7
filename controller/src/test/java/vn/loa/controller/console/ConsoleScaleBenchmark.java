package vn.loa.controller.console;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.Controller;
import vn.loa.controller.bench.Latencies;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.registry.StationDraft;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.TestControllers;
import vn.loa.protocol.Zone;

/**
 * How long the console takes to show a province-sized registry: 1,000 stations in 50 communes
 * (Bình Phước reported 1,734 clusters). Per round, from the click on the menu link to the page
 * being complete in Chromium: the overview with its four counts and 1,000 map markers, the stations
 * table with 1,000 rows. 3 warm-up rounds, then 10. Figures to the log and to
 * {@code target/benchmarks/console-scale.txt}. Not part of the test command (run it by name).
 */
class ConsoleScaleBenchmark {
    private static final Logger log = LoggerFactory.getLogger(ConsoleScaleBenchmark.class);
    private static final int COMMUNES = 50;
    private static final int PER_COMMUNE = 20;
    private static final int STATIONS = COMMUNES * PER_COMMUNE;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 10;

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();
    private Controller controller;

    @Test
    void overviewAndStationsTableWithAThousandStations() throws Exception {
        controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        register();
        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            Page page = console.login("admin", TestControllers.ADMIN_PASSWORD).page();
            List<Long> overview = new ArrayList<>();
            List<Long> stations = new ArrayList<>();
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                long table = timed(page, "stations", () -> PlaywrightAssertions.assertThat(
                        page.locator("table.stations tbody tr[data-station]")).hasCount(STATIONS));
                long map = timed(page, "overview", () -> {
                    PlaywrightAssertions.assertThat(page.locator("[data-count='offline'] strong"))
                            .hasText(String.valueOf(STATIONS));
                    PlaywrightAssertions.assertThat(page.locator("path.station-marker")).hasCount(STATIONS);
                });
                if (round >= WARM_UP) {
                    overview.add(map);
                    stations.add(table);
                }
            }
            console.screenshot("scale-overview");
            console.assertClean();
            String result = String.format(Locale.ROOT, "console with %d stations (%d communes), Chromium %s, %s %s:%n"
                    + "  overview (counts + %d markers): %s%n  stations table (%d rows): %s%n", STATIONS, COMMUNES,
                    page.context().browser().version(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), STATIONS, summary(overview), STATIONS, summary(stations));
            log.warn("{}", result.strip());
            Path report = Path.of("target", "benchmarks", "console-scale.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, result);
        }
    }

    /** From the click on the page's menu link to {@code complete} holding. */
    private static long timed(Page page, String route, Runnable complete) {
        long start = System.nanoTime();
        page.locator("#nav a[href='#/" + route + "']").click();
        complete.run();
        return System.nanoTime() - start;
    }

    private static String summary(List<Long> nanos) {
        Latencies latencies = Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray());
        return String.format(Locale.ROOT, "min %.0f ms, p50 %.0f ms, max %.0f ms (n=%d)", latencies.minMillis(),
                latencies.p50(), latencies.maxMillis(), latencies.count());
    }

    private void register() {
        Area province = controller.areas().create(null, "Tỉnh Bình Phước (benchmark)", "BENCH", AreaLevel.PROVINCE);
        for (int c = 0; c < COMMUNES; c++) {
            Area commune = controller.areas().create(province.id(), "Xã " + (c + 1), "BENCH-" + c, AreaLevel.COMMUNE);
            for (int s = 0; s < PER_COMMUNE; s++) {
                controller.stations().create(new StationDraft(String.format("bp-%02d-%02d", c, s), commune.id(),
                        "Cụm loa " + (s + 1) + " – Xã " + (c + 1), 11.3 + 0.02 * c, 106.6 + 0.01 * s, false,
                        List.of(new Zone(1, "Loa 1"), new Zone(2, "Loa 2"))));
            }
        }
    }
}
