package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import java.util.Map;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaChange;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.registry.AreaService;

/** {@code /api/v1/areas}: the area tree. */
public final class AreaRoutes {
    private final AreaService areas;
    private final ApiJson json;

    private final Access access;

    /** The area tree is public geography to every user; changing it is a system setting. */
    public AreaRoutes(AreaService areas, ApiJson json, Access access) {
        this.access = access;
        this.areas = areas;
        this.json = json;
    }

    public void register(Router router) {
        router.get("/api/v1/areas", this::list);
        router.post("/api/v1/areas", this::create);
        router.get("/api/v1/areas/{id}", this::get);
        router.patch("/api/v1/areas/{id}", this::update);
        router.delete("/api/v1/areas/{id}", this::delete);
    }

    private Response list(Call call) {
        return json.ok(Map.of("areas", areas.list()));
    }

    private Response get(Call call) {
        return json.ok(areas.get(id(call)));
    }

    private Response create(Call call) {
        access.require(call.principal(), Permission.MANAGE_SETTINGS);
        Body body = json.body(call.request());
        String levelName = body.requiredText("level", 20);
        AreaLevel level = AreaLevel.fromWire(levelName).orElseThrow(() -> ApiException.invalid(
                "field 'level' must be one of province, district, commune"));
        Area area = areas.create(body.optionalLong("parentId"), body.requiredText("name", 200),
                body.requiredText("code", 32), level);
        return json.created(area, "/api/v1/areas/" + area.id());
    }

    private Response update(Call call) {
        access.require(call.principal(), Permission.MANAGE_SETTINGS);
        Body body = json.body(call.request());
        if (body.has("level")) {
            throw ApiException.invalid("an area's level cannot change; create a new area instead");
        }
        AreaChange change = new AreaChange(body.optionalText("name", 200), body.optionalText("code", 32),
                body.has("parentId"), body.optionalLong("parentId"));
        return json.ok(areas.update(id(call), change, call.principal().username()));
    }

    private Response delete(Call call) {
        access.require(call.principal(), Permission.MANAGE_SETTINGS);
        areas.delete(id(call));
        return Response.noContent();
    }

    static long id(Call call) {
        String raw = call.request().pathParam("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no area with id '" + (raw.length() > 30 ? raw.substring(0, 30) : raw) + "'");
        }
    }
}
