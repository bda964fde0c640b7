package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Scope;
import vn.loa.controller.bulletin.BulletinService;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.schedule.Schedule;
import vn.loa.controller.schedule.ScheduleDraft;
import vn.loa.controller.schedule.ScheduleService;
import vn.loa.controller.schedule.Targets;
import vn.loa.controller.schedule.ZoneTarget;

/** {@code /api/v1/schedules}: when and where approved bulletins play. */
public final class ScheduleRoutes {
    private final ScheduleService schedules;
    private final ApiJson json;
    private final BulletinService bulletins;
    private final Access access;

    public ScheduleRoutes(ScheduleService schedules, ApiJson json, BulletinService bulletins, Access access) {
        this.bulletins = bulletins;
        this.access = access;
        this.schedules = schedules;
        this.json = json;
    }

    public void register(Router router) {
        router.get("/api/v1/schedules", this::list);
        router.post("/api/v1/schedules", this::create);
        router.post("/api/v1/schedules/check", this::check);
        router.add("PUT", "/api/v1/schedules/{id}", false, this::replace);
        router.get("/api/v1/schedules/{id}", this::get);
        router.delete("/api/v1/schedules/{id}", this::cancel);
    }

    private Response list(Call call) {
        Scope scope = access.require(call.principal(), Permission.READ_SCHEDULES);
        var seen = access.seenIn(scope);
        return json.ok(Map.of("schedules", schedules.list().stream()
                .filter(schedule -> seen.test(schedule.targets())).toList()));
    }

    private Response get(Call call) {
        Scope scope = access.require(call.principal(), Permission.READ_SCHEDULES);
        Schedule schedule = schedules.get(call.request().pathParam("id"));
        if (!access.touches(scope, schedule.targets())) {
            throw ApiException.forbidden("schedule '" + schedule.id() + "' plays outside the areas where your roles "
                    + "allow you to " + Permission.READ_SCHEDULES.description());
        }
        return json.ok(schedule);
    }

    private Response cancel(Call call) {
        Schedule schedule = schedules.get(call.request().pathParam("id"));
        access.requireTargets(call.principal(), Permission.WRITE_SCHEDULES, schedule.targets());
        return json.ok(schedules.cancel(schedule.id(), call.principal().username()));
    }

    private Response create(Call call) {
        Schedule schedule = schedules.create(draft(call), call.principal().username());
        return json.created(schedule, "/api/v1/schedules/" + schedule.id());
    }

    /** What creating the schedule would find (conflicts, first occurrences); nothing is stored. */
    private Response check(Call call) {
        return json.ok(schedules.check(draft(call), null));
    }

    /** Edits a schedule: its successor, which {@code replaces} it, takes its place. */
    private Response replace(Call call) {
        Schedule old = schedules.get(call.request().pathParam("id"));
        access.requireTargets(call.principal(), Permission.WRITE_SCHEDULES, old.targets());
        return json.ok(schedules.replace(old.id(), draft(call), call.principal().username()));
    }

    /** The schedule in the body, once the user may schedule its bulletin on its targets. */
    private ScheduleDraft draft(Call call) {
        Body body = json.body(call.request());
        String bulletinId = body.requiredText("bulletinId", 100);
        LocalDateTime start = localDateTime(body.requiredText("start", 40));
        String rrule = body.optionalText("rrule", 500);
        String untilText = body.optionalText("until", 20);
        LocalDate until = untilText == null ? null : localDate(untilText);
        Targets targets = targets(body.node("targets"));
        access.requireTargets(call.principal(), Permission.WRITE_SCHEDULES, targets);
        bulletins.find(bulletinId).ifPresent(bulletin -> access.requireVisible(call.principal(),
                Permission.READ_BULLETINS, bulletin.areaId(), "bulletin '" + bulletinId + "'"));
        return new ScheduleDraft(bulletinId, start, rrule, until, targets);
    }

    static Targets targets(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiException.invalid("field 'targets' is required: {\"areas\": [ids], \"stations\": [ids], "
                    + "\"zones\": [{\"station\": id, \"channel\": n}]}");
        }
        List<Long> areas = new ArrayList<>();
        for (JsonNode area : array(node, "areas")) {
            if (!area.isIntegralNumber()) {
                throw ApiException.invalid("field 'targets.areas' must list area ids (numbers)");
            }
            areas.add(area.longValue());
        }
        List<String> stations = new ArrayList<>();
        for (JsonNode station : array(node, "stations")) {
            if (!station.isTextual()) {
                throw ApiException.invalid("field 'targets.stations' must list station ids (text)");
            }
            stations.add(station.textValue());
        }
        List<ZoneTarget> zones = new ArrayList<>();
        for (JsonNode zone : array(node, "zones")) {
            if (!zone.path("station").isTextual() || !zone.path("channel").isIntegralNumber()) {
                throw ApiException.invalid("field 'targets.zones' must list {\"station\": id, \"channel\": n}");
            }
            zones.add(new ZoneTarget(zone.get("station").textValue(), zone.get("channel").intValue()));
        }
        return new Targets(areas, stations, zones);
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ApiException.invalid("field 'targets." + field + "' must be a list");
        }
        if (value.size() > 10_000) {
            throw ApiException.invalid("field 'targets." + field + "' is too long");
        }
        return value;
    }

    static LocalDateTime localDateTime(String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("field 'start' must be a local date-time in Asia/Ho_Chi_Minh such as "
                    + "2026-11-24T06:30, got '" + text + "'");
        }
    }

    private static LocalDate localDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("field 'until' must be a local date such as 2026-12-31, got '" + text + "'");
        }
    }
}
