package vn.loa.controller.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.StationAgent;
import vn.loa.controller.Controller;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.BulletinUploads;
import vn.loa.controller.testutil.Closing;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.GeneratedAudio;
import vn.loa.controller.testutil.TestAgents;
import vn.loa.controller.testutil.TestAudio;
import vn.loa.controller.testutil.TestControllers;

/**
 * The first acceptance point: a scheduler who also approves logs in, uploads a bulletin of a
 * few MB over a throttled link and watches the progress bar move, approves it, schedules it weekly
 * on chosen days (the RRULE and first occurrences shown, no conflict), sees a second schedule's
 * conflict named before saving, and finds the bulletin in the week calendar on the right days and
 * time. Screenshots of both pages in Vietnamese and English.
 */
class ConsoleBulletinScheduleIT {
    private static final String PASSWORD = "loa xã Thử 2026 lịch phát";
    private static final String TITLE = "Bản tin thời sự sáng";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();

    @TempDir
    Path dir;

    @RegisterExtension
    final Closing closing = new Closing();

    @Test
    void uploadApproveScheduleWeeklyAndFindItInTheCalendar() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        ApiClient admin = TestControllers.admin(controller);
        long commune = DemoRegistry.communeWithStations(admin, "cal-01", "cal-02");
        ApiClient.Answer user = admin.post("/api/v1/users", "{\"username\":\"lan.tran\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[{\"role\":\"scheduler\",\"areaId\":" + commune + "},{\"role\":\"approver\",\"areaId\":"
                + commune + "}]}");
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        String weather = BulletinUploads.approvedWav(admin, "Dự báo thời tiết", "normal", 60);
        ApiClient.Answer old = BulletinUploads.upload(admin, TestAudio.wav(2), "cu.wav",
                Map.of("title", "Bản nháp cũ", "class", "normal", "language", "vi", "areaId", String.valueOf(commune)));
        assertThat(old.status()).as(old.text()).isEqualTo(201);
        LocalDate monday = LocalDate.now(VIETNAM).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            Page page = console.page();
            console.login("lan.tran", PASSWORD).go("bulletins");
            refusesWhatIsNotAudio(console);
            String id = uploadWatchingProgress(page, GeneratedAudio.wav(dir.resolve("thoi-su.wav"), 16000f, 1, 120));
            approveItAndArchiveTheDraft(page, id, old.json().path("id").asText());
            console.screenshot("bulletins-library-vi");

            console.go("schedules");
            String first = scheduleWeekly(page, id, monday, commune);
            provokeConflict(page, weather, monday, first);
            findInTheCalendar(page, commune, monday);
            console.screenshot("schedules-week-vi");
            editToSevenOClock(page, admin, first, monday);
            listFollowsTheCalendar(console, admin, weather, monday);

            bothPagesInEnglish(console, id, commune, monday);
            console.assertClean();
        }
        try (ConsolePage phone = browser.open("http://127.0.0.1:" + controller.httpPort(), ConsoleBrowser.Viewport.PHONE)) {
            phone.login("lan.tran", PASSWORD).go("schedules");
            phone.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tuần sau ›")).click();
            assertThat(phone.page().locator(".calendar-day[data-date='" + monday + "'] .calendar-item")).containsText(TITLE);
            phone.screenshot("schedules-week-phone-vi");
            phone.go("bulletins").screenshot("bulletins-library-phone-vi");
            phone.assertClean();
        }
    }

    private void refusesWhatIsNotAudio(ConsolePage console) {
        Page page = console.page();
        console.expectRefusal("/api/v1/bulletins", 415);
        page.getByLabel("Tệp âm thanh (WAV, MP3 hoặc Ogg Vorbis)")
                .setInputFiles(GeneratedAudio.text(dir.resolve("ghi-chu.wav"), "không phải âm thanh"));
        page.getByLabel("Tiêu đề bản tin").fill("Ghi chú");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên")).click();
        assertThat(page.locator(".upload [role=alert]")).containsText("Định dạng không được hỗ trợ");
    }

    private static void approveItAndArchiveTheDraft(Page page, String id, String draftId) {
        Locator row = page.locator("tr[data-bulletin='" + id + "']");
        assertThat(row).containsText(TITLE);
        assertThat(row).containsText("Chờ duyệt");
        assertThat(row.locator("audio")).hasAttribute("src", "/api/v1/bulletins/" + id + "/audio");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Duyệt")).click();
        assertThat(row).hasAttribute("data-state", "approved");
        assertThat(row).containsText("Đã duyệt");

        Locator draft = page.locator("tr[data-bulletin='" + draftId + "']");
        draft.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu trữ")).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu trữ"))
                .click();
        assertThat(draft).hasAttribute("data-state", "archived");
    }

    /** Next week in the commune's calendar: the bulletin on Monday, Wednesday and Friday at 06:30, at 2 stations. */
    private static void findInTheCalendar(Page page, long commune, LocalDate monday) {
        page.getByLabel("Xem lịch của").selectOption("area:" + commune);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tuần sau ›")).click();
        for (int day = 0; day < 7; day++) {
            Locator item = page.locator(".calendar-day[data-date='" + monday.plusDays(day) + "'] .calendar-item");
            if (day == 0 || day == 2 || day == 4) {
                assertThat(item.filter(new Locator.FilterOptions().setHasText(TITLE))).hasAttribute("data-time", "06:30");
                assertThat(item.filter(new Locator.FilterOptions().setHasText(TITLE))).containsText("2 trạm");
            } else {
                assertThat(item).hasCount(0);
            }
        }
    }

    private static void bothPagesInEnglish(ConsolePage console, String id, long commune, LocalDate monday) {
        Page page = console.page();
        console.switchLanguage().go("bulletins");
        assertThat(page.locator("tr[data-bulletin='" + id + "']")).containsText("Approved");
        console.screenshot("bulletins-library-en");
        assertThat(console.untranslated()).as("Vietnamese left on the English bulletins page").isEmpty();
        console.go("schedules");
        page.getByLabel("Calendar of").selectOption("area:" + commune);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next week ›")).click();
        assertThat(page.locator(".calendar-day[data-date='" + monday + "'] .calendar-item")).containsText(TITLE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New schedule")).click();
        page.getByLabel("On chosen days of the week").check();
        day(page.locator(".schedule-form"), "Tuesday").check();
        assertThat(page.locator(".recurrence-words")).containsText("every week on Tuesday");
        console.screenshot("schedules-week-en");
        assertThat(console.untranslated()).as("Vietnamese left on the English schedules page").isEmpty();
    }

    /**
     * Edits the schedule (PUT): at 07:00, for one whole station and one single zone of the other
     * instead of the commune; its successor replaces it, in the list and in the calendar.
     */
    private static void editToSevenOClock(Page page, ApiClient admin, String schedule, LocalDate monday) {
        page.locator("tr[data-schedule='" + schedule + "']").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Sửa")).click();
        Locator form = page.locator(".schedule-form");
        assertThat(form.locator("code.rrule")).hasText("FREQ=WEEKLY;BYDAY=MO,WE,FR");
        form.getByLabel("Giờ phát").fill("07:00");
        form.locator("select[name='areas']").selectOption(new String[0]);
        form.locator("select[name='stations']").selectOption("cal-01");
        assertThat(form.locator("select[name='zones']")).isHidden();
        form.getByText("Loa riêng lẻ (chỉ một số loa của trạm)").click();
        assertThat(form.locator("select[name='zones'] option[value='cal-02:1']")).hasText("Cụm loa cal-02 – Loa 1 (kênh 1)");
        form.locator("select[name='zones']").selectOption("cal-02:1");
        assertThat(form).containsText("Đã chọn 1 loa riêng lẻ.");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kiểm tra trùng lịch")).click();
        assertThat(form.locator(".check-result")).containsText("Không trùng lịch nào.");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu thay đổi")).click();
        assertThat(form).isHidden();
        Locator active = page.locator("table.schedules tbody tr[data-state='active']");
        assertThat(active).hasCount(1);
        assertThat(active).containsText("Thay cho " + schedule);
        assertThat(page.locator(".calendar-day[data-date='" + monday + "'] .calendar-item")).hasAttribute("data-time", "07:00");
        String successor = active.getAttribute("data-schedule");
        com.fasterxml.jackson.databind.JsonNode targets = admin.get("/api/v1/schedules/" + successor).json().path("targets");
        assertThat(targets.path("areas").size()).isZero();
        assertThat(targets.path("stations").get(0).asText()).isEqualTo("cal-01");
        assertThat(targets.path("zones").get(0).path("station").asText()).isEqualTo("cal-02");
        assertThat(targets.path("zones").get(0).path("channel").asInt()).isEqualTo(1);

        page.locator("tr[data-schedule='" + successor + "']").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Sửa")).click();
        assertThat(form.locator("details.zone-picker")).hasAttribute("open", "");
        assertThat(form.locator("select[name='zones'] option[value='cal-02:1']")).hasJSProperty("selected", true);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Đóng")).click();
    }

    /**
     * The list under the calendar holds the schedules that play where the calendar looks: the
     * edited one (station cal-01 and a zone of cal-02) and one for cal-02 alone.
     */
    private static void listFollowsTheCalendar(ConsolePage console, ApiClient admin, String weather, LocalDate monday) {
        ApiClient.Answer noon = admin.post("/api/v1/schedules", "{\"bulletinId\":\"" + weather + "\",\"start\":\""
                + monday + "T12:00\",\"rrule\":\"FREQ=DAILY\",\"targets\":{\"stations\":[\"cal-02\"]}}");
        assertThat(noon.status()).as(noon.text()).isEqualTo(201);
        String onlyCal02 = noon.json().path("id").asText();
        Page page = console.go("bulletins").go("schedules").page(); // the list as it is now
        Locator active = page.locator("table.schedules tbody tr[data-state='active']");
        Locator calendarOf = page.getByLabel("Xem lịch của");
        calendarOf.selectOption("station:cal-01");
        assertThat(active).hasCount(1);
        assertThat(page.locator("tr[data-schedule='" + onlyCal02 + "']")).hasCount(0);
        calendarOf.selectOption("station:cal-02");
        console.screenshot("schedules-list-of-a-station-vi");
        assertThat(active).hasCount(2);
        page.getByLabel("Chỉ những lịch phát tới nơi đang xem trên lịch tuần").uncheck();
        calendarOf.selectOption("station:cal-01");
        assertThat(active).hasCount(2);
        assertThat(admin.delete("/api/v1/schedules/" + onlyCal02).status()).isEqualTo(200);
        console.go("bulletins");
    }

    /** A real station plays a broadcast of this week: its calendar entry says so without a reload. */
    @Test
    void theCalendarFollowsWhatTheStationPlays() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        ApiClient admin = TestControllers.admin(controller);
        DemoRegistry.communeWithStations(admin, "live-01");
        String bulletin = BulletinUploads.approvedWav(admin, "Thông báo tiêm phòng", "normal", 2);
        String broker = "tcp://127.0.0.1:" + controller.embeddedBrokerPort().orElseThrow();
        try (StationAgent agent = TestAgents.start(admin, TestAgents.config(controller, broker, "live-01",
                        dir.resolve("agent")).withPlayout(TestAgents.QUICK_PLAYOUT));
             ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            await("station online").atMost(Duration.ofSeconds(20)).until(() ->
                    "online".equals(admin.get("/api/v1/stations/live-01").json().path("status").asText()));
            LocalDateTime start = LocalDateTime.now(VIETNAM).plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
            ApiClient.Answer created = admin.post("/api/v1/schedules", "{\"bulletinId\":\"" + bulletin
                    + "\",\"start\":\"" + start + "\",\"targets\":{\"stations\":[\"live-01\"]}}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            console.login("admin", TestControllers.ADMIN_PASSWORD).go("schedules");
            Locator item = console.page().locator(".calendar-day[data-date='" + start.toLocalDate() + "'] .calendar-item")
                    .filter(new Locator.FilterOptions().setHasText("Thông báo tiêm phòng"));
            assertThat(item).hasAttribute("data-time", start.toLocalTime().toString().substring(0, 5));
            assertThat(item).not().containsText("đã phát xong");
            assertThat(item).containsText("đã phát xong", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            console.assertClean();
        }
    }

    /** The recurrence module on its own, in the browser: rules built, read back, occurrences, weeks. */
    @Test
    @SuppressWarnings("unchecked")
    void theRecurrencePickerBuildsAndReadsRules() {
        Controller controller = closing.add(TestControllers.embedded(dir.resolve("controller")));
        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            Map<String, Object> found = (Map<String, Object>) console.page().evaluate("async () => {\n"
                    + "  const r = await import('/console/pages/recurrence.js');\n"
                    + "  return {\n"
                    + "    once: r.build({kind: 'once', days: []}),\n"
                    + "    daily: r.build({kind: 'daily', days: []}),\n"
                    + "    weekdays: r.build({kind: 'weekdays', days: []}),\n"
                    + "    days: r.build({kind: 'days', days: ['FR', 'MO']}),\n"
                    + "    noDays: r.build({kind: 'days', days: []}),\n"
                    + "    custom: r.build({kind: 'custom', days: [], rrule: 'FREQ=MONTHLY;BYMONTHDAY=1'}),\n"
                    + "    readWeekdays: r.parse('FREQ=WEEKLY;BYDAY=FR,TH,WE,TU,MO').kind,\n"
                    + "    readWeekend: r.parse('RRULE:FREQ=WEEKLY;BYDAY=SU,SA').days,\n"
                    + "    readDaily: r.parse('FREQ=DAILY;INTERVAL=1').kind,\n"
                    + "    readMonthly: r.parse('FREQ=MONTHLY;BYMONTHDAY=1').kind,\n"
                    + "    readEveryOtherWeek: r.parse('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO').kind,\n"
                    + "    readNone: r.parse(null).kind,\n"
                    + "    monWed: r.occurrences({kind: 'days', days: ['MO', 'WE']}, '2030-01-01', '06:30', '2030-01-09', 5),\n"
                    + "    weekdaysFromSaturday: r.occurrences({kind: 'weekdays', days: []}, '2030-01-05', '17:00', '', 2),\n"
                    + "    onceOnly: r.occurrences({kind: 'once', days: []}, '2030-01-05', '17:00', '2030-02-01', 5),\n"
                    + "    mondayOfSunday: r.monday('2030-01-06'),\n"
                    + "    mondayOfMonday: r.monday('2029-12-31'),\n"
                    + "    acrossYear: r.addDays('2029-12-31', 1),\n"
                    + "  };\n"
                    + "}");
            assertThat(found.get("once")).isNull();
            assertThat(found.get("daily")).isEqualTo("FREQ=DAILY");
            assertThat(found.get("weekdays")).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
            assertThat(found.get("days")).isEqualTo("FREQ=WEEKLY;BYDAY=MO,FR");
            assertThat(found.get("noDays")).isNull();
            assertThat(found.get("custom")).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=1");
            assertThat(found.get("readWeekdays")).isEqualTo("weekdays");
            assertThat((java.util.List<Object>) found.get("readWeekend")).containsExactly("SA", "SU");
            assertThat(found.get("readDaily")).isEqualTo("daily");
            assertThat(found.get("readMonthly")).isEqualTo("custom");
            assertThat(found.get("readEveryOtherWeek")).isEqualTo("custom");
            assertThat(found.get("readNone")).isEqualTo("once");
            assertThat((java.util.List<Object>) found.get("monWed"))
                    .containsExactly("2030-01-02T06:30", "2030-01-07T06:30", "2030-01-09T06:30");
            assertThat((java.util.List<Object>) found.get("weekdaysFromSaturday"))
                    .containsExactly("2030-01-07T17:00", "2030-01-08T17:00");
            assertThat((java.util.List<Object>) found.get("onceOnly")).containsExactly("2030-01-05T17:00");
            assertThat(found.get("mondayOfSunday")).isEqualTo("2029-12-31");
            assertThat(found.get("mondayOfMonday")).isEqualTo("2029-12-31");
            assertThat(found.get("acrossYear")).isEqualTo("2030-01-01");
            console.assertClean();
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedInPlainWords() {
        Controller controller = closing.add(Controller.start(ControllerConfig.ephemeral(dir.resolve("controller"))
                .withBulletins(new ControllerConfig.Bulletins(1024 * 1024)), Clock.systemUTC(),
                TestControllers.ADMIN_PASSWORD));
        Path wav = GeneratedAudio.wav(dir.resolve("dai.wav"), 16000f, 1, 40);
        try (ConsolePage console = browser.open("http://127.0.0.1:" + controller.httpPort())) {
            Page page = console.page();
            console.login("admin", TestControllers.ADMIN_PASSWORD).go("bulletins").expectRefusal("/api/v1/bulletins", 413);
            page.getByLabel("Tệp âm thanh (WAV, MP3 hoặc Ogg Vorbis)").setInputFiles(wav);
            page.getByLabel("Tiêu đề bản tin").fill("Bản tin quá dài");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên")).click();
            assertThat(page.locator(".upload [role=alert]")).containsText("Tệp quá lớn.");
            assertThat(page.locator(".upload")).containsText("Hãy chọn tệp nhỏ hơn");
            assertThat(page.locator("table.bulletins tbody tr").filter(new Locator.FilterOptions()
                    .setHasText("Bản tin quá dài"))).hasCount(0);
            console.assertClean();
        }
    }

    /** Uploads over a throttled link; the bar must show a value strictly between 0 and max. Returns the id. */
    private static String uploadWatchingProgress(Page page, Path wav) {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("Network.enable");
        cdp.send("Network.emulateNetworkConditions", conditions(1_000_000));
        page.getByLabel("Tệp âm thanh (WAV, MP3 hoặc Ogg Vorbis)").setInputFiles(wav);
        page.getByLabel("Tiêu đề bản tin").fill(TITLE);
        page.locator("form.upload").getByLabel("Loại").selectOption("normal");
        page.locator("form.upload").getByLabel("Ngôn ngữ").selectOption("vi");
        var answer = page.waitForResponse(response -> response.url().endsWith("/api/v1/bulletins")
                && "POST".equals(response.request().method()), () -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên")).click();
            page.waitForFunction("() => { const p = document.querySelector('.upload progress');"
                    + " return p && p.max > 1 && p.value > 0 && p.value < p.max; }");
            assertThat(page.locator(".upload-percent")).containsText("Đang gửi");
        });
        cdp.send("Network.emulateNetworkConditions", conditions(-1));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(page.locator(".upload progress")).isHidden();
        String id = com.google.gson.JsonParser.parseString(answer.text()).getAsJsonObject().get("id").getAsString();
        return id;
    }

    private static JsonObject conditions(long uploadBytesPerSecond) {
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", 0);
        conditions.addProperty("downloadThroughput", -1);
        conditions.addProperty("uploadThroughput", uploadBytesPerSecond);
        return conditions;
    }

    /** Creates the weekly schedule through the form; returns its id. */
    private static String scheduleWeekly(Page page, String bulletin, LocalDate monday, long commune) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo lịch phát")).click();
        Locator form = page.locator(".schedule-form");
        form.getByLabel("Bản tin (đã duyệt)").selectOption(bulletin);
        form.getByLabel("Ngày bắt đầu").fill(monday.toString());
        form.getByLabel("Giờ phát").fill("06:30");
        form.getByLabel("Vào các thứ đã chọn").check();
        day(form, "Thứ Hai").check();
        day(form, "Thứ Tư").check();
        day(form, "Thứ Sáu").check();
        form.getByLabel("Ngày cuối (không bắt buộc)").fill(monday.plusWeeks(4).toString());
        assertThat(form.locator("code.rrule")).hasText("FREQ=WEEKLY;BYDAY=MO,WE,FR");
        assertThat(form.locator(".recurrence-words")).containsText("Thứ Hai, Thứ Tư và Thứ Sáu, lúc 06:30");
        assertThat(form.locator(".occurrences li")).hasCount(5);
        form.getByLabel("Địa bàn (mọi trạm thuộc địa bàn)").selectOption(String.valueOf(commune));
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kiểm tra trùng lịch")).click();
        assertThat(form.locator(".check-result")).containsText("Không trùng lịch nào.");
        assertThat(form.locator(".occurrences-checked li").first()).containsText("06:30");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu lịch phát")).click();
        assertThat(form).isHidden();
        Locator row = page.locator("table.schedules tbody tr[data-state='active']");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(TITLE);
        return row.getAttribute("data-schedule");
    }

    private static Locator day(Locator form, String name) {
        return form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A second normal schedule on cal-01 at the same time: the check names the first one, nothing is saved. */
    private static void provokeConflict(Page page, String bulletin, LocalDate monday, String first) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo lịch phát")).click();
        Locator form = page.locator(".schedule-form");
        form.getByLabel("Bản tin (đã duyệt)").selectOption(bulletin);
        form.getByLabel("Ngày bắt đầu").fill(monday.plusDays(2).toString());
        form.getByLabel("Giờ phát").fill("06:30");
        form.getByLabel("Một lần").check();
        form.locator("select[name=stations]").selectOption("cal-01");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kiểm tra trùng lịch")).click();
        Locator conflict = form.locator(".check-result li[data-conflict='" + first + "']");
        assertThat(conflict).containsText(first);
        assertThat(conflict).containsText("cal-01");
        assertThat(conflict).containsText(Pattern.compile("06:30"));
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu lịch phát")).click();
        assertThat(form.locator(".check-result [role=alert]")).containsText("chưa lưu được");
        assertThat(page.locator("table.schedules tbody tr[data-state='active']")).hasCount(1);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Đóng")).click();
        assertThat(form).isHidden();
    }
}
