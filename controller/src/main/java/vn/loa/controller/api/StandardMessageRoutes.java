package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.loa.controller.emergency.StandardMessages;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;

/**
 * {@code /api/v1/standard-messages}: the emergency messages every station keeps ready. {@code GET}
 * lists them; {@code PUT /api/v1/standard-messages/{key}} with {@code {"bulletinId": ...}} makes an
 * approved bulletin one of them (stations fetch it with their next plan).
 */
public final class StandardMessageRoutes {
    private static final String COLLECTION = "/api/v1/standard-messages";

    private final StandardMessages standard;
    private final ApiJson json;

    private final Access access;

    public StandardMessageRoutes(StandardMessages standard, ApiJson json, Access access) {
        this.access = Objects.requireNonNull(access, "access");
        this.standard = Objects.requireNonNull(standard, "standard");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** One standard message: its key and its bulletin. */
    public record StandardMessageView(String key, BulletinView bulletin) {
    }

    public void register(Router router) {
        router.get(COLLECTION, this::list);
        router.add("PUT", COLLECTION + "/{key}", false, this::set);
    }

    private Response list(Call call) {
        access.require(call.principal(), Permission.RUN_EMERGENCIES);
        List<StandardMessageView> views = new ArrayList<>();
        standard.all().forEach((key, bulletin) -> views.add(new StandardMessageView(key, BulletinView.of(bulletin))));
        return json.ok(Map.of("standardMessages", views, "wellKnown", StandardMessages.WELL_KNOWN));
    }

    private Response set(Call call) {
        access.require(call.principal(), Permission.MANAGE_SETTINGS);
        String key = call.request().pathParam("key");
        String bulletinId = json.body(call.request()).requiredText("bulletinId", 100);
        return json.ok(new StandardMessageView(key, BulletinView.of(standard.set(key, bulletinId,
                call.principal().username()))));
    }
}
