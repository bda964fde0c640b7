package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.schedule.QuietHours;
import vn.loa.controller.schedule.ScheduleService;

/** {@code /api/v1/areas/{id}/quiet-hours}: when an area's loudspeakers stay silent (emergencies excepted). */
public final class QuietHoursRoutes {
    private final ScheduleService schedules;
    private final ApiJson json;

    private final Access access;

    public QuietHoursRoutes(ScheduleService schedules, ApiJson json, Access access) {
        this.access = access;
        this.schedules = schedules;
        this.json = json;
    }

    public void register(Router router) {
        router.get("/api/v1/areas/{id}/quiet-hours", this::get);
        router.add("PUT", "/api/v1/areas/{id}/quiet-hours", false, this::put);
        router.delete("/api/v1/areas/{id}/quiet-hours", this::delete);
    }

    private Response get(Call call) {
        long area = AreaRoutes.id(call);
        access.requireVisible(call.principal(), Permission.READ_SCHEDULES, area, "area " + area);
        QuietHours hours = schedules.quietHours().get(area);
        if (hours == null) {
            throw ApiException.notFound("area " + area + " has no quiet hours of its own");
        }
        return json.ok(view(hours));
    }

    private Response put(Call call) {
        long area = AreaRoutes.id(call);
        access.requireArea(call.principal(), Permission.MANAGE_QUIET_HOURS, area);
        Body body = json.body(call.request());
        LocalTime from = time(body.requiredText("from", 8), "from");
        LocalTime to = time(body.requiredText("to", 8), "to");
        schedules.setQuietHours(area, from, to);
        return json.ok(view(new QuietHours(from, to)));
    }

    private Response delete(Call call) {
        long area = AreaRoutes.id(call);
        access.requireArea(call.principal(), Permission.MANAGE_QUIET_HOURS, area);
        schedules.clearQuietHours(area);
        return Response.noContent();
    }

    private static Map<String, String> view(QuietHours hours) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("from", hours.from().toString());
        view.put("to", hours.to().toString());
        view.put("timeZone", "Asia/Ho_Chi_Minh");
        return view;
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("field '" + field + "' must be a local time such as 21:30, got '" + text + "'");
        }
    }
}
