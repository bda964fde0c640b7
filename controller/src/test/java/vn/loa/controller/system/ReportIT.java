package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.SyntheticMonth;
import vn.loa.controller.testutil.SyntheticMonth.Aired;
import vn.loa.controller.testutil.SyntheticMonth.Point;
import vn.loa.controller.testutil.TestControllers;

/**
 * Reports over last month's synthetic history (receipts, presence changes, heartbeats) of three
 * stations in two communes, written into the real controller's SQLite file; the test works out the
 * broadcast hours and availability itself, minute by minute and receipt by receipt, and compares
 * them with the JSON, the CSV and the printable page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIT {
    private static final String ODD_NAME = "Xã <Hai> & \"Ba\"";

    private Controller controller;
    private ApiClient admin;
    private SyntheticMonth month;
    private long district;
    private long c1;
    private long c2;
    private final Map<String, Long> communeOf = new HashMap<>();

    @BeforeAll
    void setUp(@TempDir Path dataDir) throws Exception {
        controller = TestControllers.embedded(dataDir);
        admin = TestControllers.admin(controller);
        long province = DemoRegistry.create(admin, "{\"name\":\"Tỉnh\",\"code\":\"P\",\"level\":\"province\"}");
        district = DemoRegistry.create(admin, area("Huyện", "D", "district", province));
        c1 = DemoRegistry.create(admin, area("Xã Một", "C1", "commune", district));
        c2 = DemoRegistry.create(admin, area(ODD_NAME.replace("\"", "\\\""), "C2", "commune", district));
        station("s1", c1);
        station("s2", c1);
        station("s3", c2);
        month = new SyntheticMonth(YearMonth.now(SyntheticMonth.ZONE).minusMonths(1));
        Path file = dataDir.resolve("loa.db");
        Instant longBefore = month.local(month.from().minusDays(30), 9, 0);
        month.write(file, "s1", longBefore, true);
        month.write(file, "s2", longBefore, false);
        month.write(file, "s3", month.local(month.from().plusDays(14), 12, 0), false);
        emergency(file);
    }

    @AfterAll
    void tearDown() {
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    void broadcastHoursPerCommuneAndClassMatchTheReceipts() {
        JsonNode report = get("broadcast-hours", district, "").json().path("broadcasts");
        for (JsonNode commune : report.path("communes")) {
            long id = commune.path("areaId").asLong();
            List<Aired> aired = month.receipts.stream().filter(r -> communeOf.get(r.station()) == id).toList();
            assertThat(commune.path("hours").asDouble()).isCloseTo(hours(aired, null), within(1e-9));
            assertThat(commune.path("hoursByClass").path("normal").asDouble()).isCloseTo(hours(aired, "normal"),
                    within(1e-9));
            assertThat(commune.path("hoursByClass").path("priority").asDouble()).isCloseTo(hours(aired, "priority"),
                    within(1e-9));
            assertThat(commune.path("aired").asInt()).isEqualTo(aired.stream().filter(r -> r.start() != null).count());
            assertThat(commune.path("missed").asInt()).isEqualTo(aired.stream().filter(r -> r.start() == null).count());
            assertThat(commune.path("bulletins").asInt()).isEqualTo(3);
        }
        assertThat(report.path("communes")).hasSize(2);
        assertThat(report.path("total").path("hours").asDouble()).isCloseTo(hours(month.receipts, null), within(1e-9));

        String csv = get("broadcast-hours", district, "&format=csv").text();
        assertThat(csv).startsWith("area_id,commune,broadcast_hours,");
        assertThat(csv).contains("\r\n" + c1 + ",Xã Một," + fixed(hours(of("s1", "s2"), null)) + ",");
        assertThat(csv).contains("\r\n" + c2 + ",\"Xã <Hai> & \"\"Ba\"\"\"," + fixed(hours(of("s3"), null)) + ",");

        JsonNode onlyC2 = get("broadcast-hours", c2, "").json().path("broadcasts");
        assertThat(onlyC2.path("total").path("hours").asDouble()).isCloseTo(hours(of("s3"), null), within(1e-9));
    }

    @Test
    void availabilityPerStationDayCommuneAndAreaMatchesAMinuteByMinuteCount() {
        JsonNode report = get("availability", district, "").json().path("availability");
        Map<String, long[]> totals = new HashMap<>();
        for (JsonNode station : report.path("stations")) {
            String id = station.path("station").asText();
            long[] sum = totals.computeIfAbsent(id, k -> new long[2]);
            assertThat(station.path("days")).hasSize(month.month.lengthOfMonth());
            for (JsonNode day : station.path("days")) {
                long[] expected = expectedDay(id, LocalDate.parse(day.path("day").asText()));
                assertThat(day.path("observedMillis").asLong()).as("%s observed on %s", id, day.path("day"))
                        .isEqualTo(expected[0]);
                assertThat(day.path("onlineMillis").asLong()).as("%s online on %s", id, day.path("day"))
                        .isEqualTo(expected[1]);
                sum[0] += expected[0];
                sum[1] += expected[1];
            }
        }
        assertThat(totals.keySet()).containsExactlyInAnyOrder("s1", "s2", "s3");
        assertThat(totals.get("s3")[0]).isEqualTo(Duration.ofDays(month.month.lengthOfMonth() - 14).minusHours(12)
                .toMillis());
        long observed = totals.values().stream().mapToLong(t -> t[0]).sum();
        long online = totals.values().stream().mapToLong(t -> t[1]).sum();
        assertThat(report.path("area").path("availability").asDouble())
                .isCloseTo((double) online / observed, within(1e-12));
        JsonNode first = null;
        for (JsonNode commune : report.path("communes")) {
            first = commune.path("areaId").asLong() == c1 ? commune : first;
        }
        assertThat(first.path("name").asText()).isEqualTo("Xã Một");
        assertThat(first.path("stations").asInt()).isEqualTo(2);
        assertThat(first.path("availability").asDouble()).isCloseTo(
                (double) (totals.get("s1")[1] + totals.get("s2")[1]) / (totals.get("s1")[0] + totals.get("s2")[0]),
                within(1e-12));

        String csv = get("availability", district, "&format=csv").text();
        for (String station : List.of("s1", "s2", "s3")) {
            long[] t = totals.get(station);
            assertThat(csv).contains("\r\nstation," + station + ",Cụm " + station + "," + communeOf.get(station)
                    + ",period," + fixed(t[0] / 3.6e6) + "," + fixed(t[1] / 3.6e6) + ","
                    + String.format(Locale.ROOT, "%.4f", (double) t[1] / t[0]) + "\r\n");
            LocalDate day = month.from().plusDays(20);
            long[] e = expectedDay(station, day);
            assertThat(csv).contains("\r\nstation," + station + ",Cụm " + station + "," + communeOf.get(station) + ","
                    + day + "," + fixed(e[0] / 3.6e6) + "," + fixed(e[1] / 3.6e6) + ",");
        }
    }

    @Test
    void emergenciesShowTheirReachAndTimings() {
        JsonNode all = get("emergencies", district, "").json().path("emergencies");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).path("targeted").asInt()).isEqualTo(3);
        assertThat(all.get(0).path("reached").asInt()).isEqualTo(2);
        assertThat(all.get(0).path("playingMedianSeconds").asDouble()).isEqualTo(6.0);
        assertThat(all.get(0).path("playingMaxSeconds").asDouble()).isEqualTo(7.0);
        assertThat(all.get(0).path("zonesOnMaxSeconds").asDouble()).isEqualTo(4.0);
        JsonNode c1Only = get("emergencies", c1, "").json().path("emergencies");
        assertThat(c1Only.get(0).path("targeted").asInt()).isEqualTo(2);
        assertThat(c1Only.get(0).path("reached").asInt()).isEqualTo(2);
    }

    @Test
    void theSummaryPrintsWithEveryValueEscaped() {
        ApiClient.Answer page = get("summary", district, "&format=html");
        assertThat(page.raw().headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.text()).contains("Xã &lt;Hai&gt; &amp; &quot;Ba&quot;").doesNotContain("<Hai>")
                .contains("Broadcast hours per commune").contains("@media print")
                .contains(fixed(hours(month.receipts, null)));
        JsonNode summary = get("summary", district, "").json();
        assertThat(summary.path("broadcasts").path("communes")).hasSize(2);
        assertThat(summary.path("emergencies")).hasSize(1);
        assertThat(get("summary", district, "&format=csv").text()).startsWith("area_id,commune,broadcast_hours,");
        assertThat(admin.get("/api/v1/reports/summary?area=" + district + "&from=2026-02-01&to=2026-01-01").status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/reports/summary?from=2026-01-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/reports/summary?area=99999").status()).isEqualTo(404);
    }

    private long[] expectedDay(String station, LocalDate day) {
        Instant dayStart = day.atStartOfDay(SyntheticMonth.ZONE).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(SyntheticMonth.ZONE).toInstant();
        long observed = 0;
        long online = 0;
        List<Point> points = month.presence.get(station);
        for (Instant minute = dayStart; minute.isBefore(dayEnd); minute = minute.plusSeconds(60)) {
            if (minute.isBefore(month.registered.get(station))) {
                continue;
            }
            observed += 60_000;
            boolean up = false;
            for (Point point : points) {
                if (point.at().isAfter(minute)) {
                    break;
                }
                up = point.online();
            }
            online += up ? 60_000 : 0;
        }
        return new long[] {observed, online};
    }

    private double hours(List<Aired> receipts, String bulletinClass) {
        long millis = 0;
        for (Aired aired : receipts) {
            if (aired.start() != null && (bulletinClass == null
                    || bulletinClass.equals(month.bulletinClass.get(aired.bulletin())))) {
                millis += Duration.between(aired.start(), aired.end()).toMillis();
            }
        }
        return millis / 3_600_000.0;
    }

    private List<Aired> of(String... stations) {
        Set<String> wanted = new TreeSet<>(List.of(stations));
        return month.receipts.stream().filter(r -> wanted.contains(r.station())).toList();
    }

    private static String fixed(double hours) {
        return String.format(Locale.ROOT, "%.3f", hours);
    }

    private ApiClient.Answer get(String report, long area, String extra) {
        ApiClient.Answer answer = admin.get("/api/v1/reports/" + report + "?area=" + area + "&from=" + month.from()
                + "&to=" + month.to() + extra);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer;
    }

    private void station(String id, long area) {
        ApiClient.Answer created = admin.post("/api/v1/stations", "{\"id\":\"" + id + "\",\"areaId\":" + area
                + ",\"name\":\"Cụm " + id + "\",\"zones\":[{\"channel\":1,\"name\":\"Loa 1\"}]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        communeOf.put(id, area);
    }

    /** One announcement on the 20th: s1 and s2 play it (5 s and 7 s after the trigger), s3 never does. */
    private void emergency(Path file) throws Exception {
        Instant trigger = month.local(month.from().plusDays(19), 10, 0);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.createStatement().execute("PRAGMA busy_timeout = 10000");
            connection.createStatement().execute("INSERT INTO emergencies(id, title, bulletin_id, audio_source, "
                    + "audio, duration_ms, repeat_count, warm_up_ms, targets, state, origin, created_at, created_by, "
                    + "triggered_at, valid_until) VALUES ('e1', 'Lũ', 'canh-bao-lu', 'bulletin', 'x', 60000, 1, 3000, "
                    + "'{}', 'ended', 'operator', " + trigger.toEpochMilli() + ", 'admin', " + trigger.toEpochMilli()
                    + ", " + trigger.plusSeconds(3600).toEpochMilli() + ")");
            String[][] stations = {{"s1", "2", "5"}, {"s2", "3", "7"}, {"s3", "4", null}};
            for (String[] s : stations) {
                connection.createStatement().execute("INSERT INTO emergency_stations(emergency_id, station_id, zones, "
                        + "stage, zones_on_at, playing_at) VALUES ('e1', '" + s[0] + "', '1', '"
                        + (s[2] == null ? "failed" : "finished") + "', "
                        + trigger.plusSeconds(Long.parseLong(s[1])).toEpochMilli() + ", "
                        + (s[2] == null ? "NULL" : String.valueOf(trigger.plusSeconds(Long.parseLong(s[2])).toEpochMilli()))
                        + ")");
            }
        }
    }

    private static String area(String name, String code, String level, long parent) {
        return "{\"name\":\"" + name + "\",\"code\":\"" + code + "\",\"level\":\"" + level + "\",\"parentId\":"
                + parent + "}";
    }
}
