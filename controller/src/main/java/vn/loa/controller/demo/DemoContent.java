package vn.loa.controller.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import vn.loa.controller.Controller;
import vn.loa.controller.auth.RoleGrant;
import vn.loa.controller.auth.UserService;
import vn.loa.controller.bulletin.Bulletin;
import vn.loa.controller.bulletin.BulletinMetadata;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.schedule.ScheduleDraft;
import vn.loa.controller.schedule.Targets;
import vn.loa.protocol.BulletinClass;

/**
 * What the demo shows in the console on its first start (nothing when it has schedules or staff already): staff accounts for each role, two
 * approved bulletins (generated tones: the demo ships no recordings) and schedules for the
 * district, so that stations play, receipts arrive and the calendar and as-run log fill up.
 */
final class DemoContent {
    /** The demo staff's password (the console's login page is where people try them). */
    static final String STAFF_PASSWORD = "loa-demo-2026";
    private static final String ACTOR = "demo";

    private DemoContent() {
    }

    static void seed(Controller controller, Clock clock) {
        if (!controller.schedules().list().isEmpty()
                || controller.users().list().stream().anyMatch(user -> user.username().equals("bientap"))) {
            return;
        }
        List<Area> areas = controller.areas().list();
        Area district = areas.stream().filter(a -> a.level() == AreaLevel.DISTRICT).findFirst().orElse(null);
        Area commune = areas.stream().filter(a -> a.level() == AreaLevel.COMMUNE).findFirst().orElse(null);
        if (district == null || commune == null) {
            return;
        }
        staff(controller.users(), district, commune);
        Bulletin chime = approved(controller, "Nhạc hiệu đài", DemoTones.chime(), "chime");
        Bulletin news = approved(controller, "Bản tin thời sự (demo)", DemoTones.news(), "news");
        LocalDate today = LocalDate.now(clock.withZone(BroadcastTime.ZONE));
        Targets everywhere = new Targets(List.of(district.id()), List.of(), List.of());
        controller.schedules().create(new ScheduleDraft(chime.id(), LocalDateTime.of(today, LocalTime.of(0, 5)),
                "FREQ=MINUTELY;INTERVAL=10", null, everywhere), ACTOR);
        controller.schedules().create(new ScheduleDraft(news.id(), LocalDateTime.of(today, LocalTime.of(6, 0)),
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", null, everywhere), ACTOR);
        controller.schedules().create(new ScheduleDraft(news.id(), LocalDateTime.of(today, LocalTime.of(17, 0)),
                "FREQ=DAILY", null, everywhere), ACTOR);
    }

    private static void staff(UserService users, Area district, Area commune) {
        users.create(ACTOR, new UserService.NewUser("bientap", "Biên tập viên (demo)", STAFF_PASSWORD,
                List.of(new RoleGrant("scheduler", district.id()), new RoleGrant("approver", district.id()))));
        users.create(ACTOR, new UserService.NewUser("kythuat", "Kỹ thuật viên (demo)", STAFF_PASSWORD,
                List.of(new RoleGrant("technician", district.id()))));
        users.create(ACTOR, new UserService.NewUser("vanhanh", "Vận hành " + commune.name(), STAFF_PASSWORD,
                List.of(new RoleGrant("operator", commune.id()))));
    }

    private static Bulletin approved(Controller controller, String title, byte[] wav, String name) {
        try {
            Path file = Files.createTempFile(controller.bulletins().uploadDir(), name, ".wav");
            Files.write(file, wav);
            Bulletin bulletin = controller.bulletins().create(new BulletinMetadata(title, BulletinClass.NORMAL, "vi"),
                    file, ACTOR);
            return controller.bulletins().approve(bulletin.id(), ACTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
