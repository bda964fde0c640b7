package vn.loa.controller.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.health.Alert;
import vn.loa.controller.health.AlertFilter;
import vn.loa.controller.health.AlertStore;
import vn.loa.controller.health.Rule;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Request;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.registry.StationService;

/**
 * {@code GET /api/v1/alerts?state=&station=&area=&rule=&from=&to=&limit=}: station health alerts,
 * newest first, in the user's areas ({@code from}/{@code to} bound the opening time);
 * {@code GET /api/v1/alerts/{id}}; {@code POST /api/v1/alerts/{id}/acknowledge} (audited).
 */
public final class AlertRoutes {
    private static final List<String> STATES = List.of(Alert.OPEN, Alert.ACKNOWLEDGED, Alert.RESOLVED);

    private final AlertStore alerts;
    private final StationService stations;
    private final ApiJson json;
    private final Access access;

    public AlertRoutes(AlertStore alerts, StationService stations, ApiJson json, Access access) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.stations = Objects.requireNonNull(stations, "stations");
        this.json = Objects.requireNonNull(json, "json");
        this.access = Objects.requireNonNull(access, "access");
    }

    public void register(Router router) {
        router.get("/api/v1/alerts", this::list);
        router.get("/api/v1/alerts/{id}", this::get);
        router.post("/api/v1/alerts/{id}/acknowledge", this::acknowledge);
    }

    private Response list(Call call) {
        Request request = call.request();
        Predicate<String> seen = AlertParams.stations(request, call.principal(), Permission.READ_ALERTS, access,
                stations);
        String state = request.queryParam("state").map(String::strip).orElse(null);
        if (state != null && !STATES.contains(state)) {
            throw ApiException.invalid("query parameter 'state' must be one of " + STATES);
        }
        String rule = request.queryParam("rule").map(String::strip).orElse(null);
        if (rule != null && Rule.fromWire(rule).isEmpty()) {
            throw ApiException.invalid("query parameter 'rule' must be one of "
                    + java.util.Arrays.stream(Rule.values()).map(Rule::wireName).toList());
        }
        int limit = request.queryParam("limit").map(AlertRoutes::limit).orElse(100);
        Instant from = AlertParams.instant(request, "from");
        Instant to = AlertParams.instant(request, "to");
        String station = request.queryParam("station").orElse(null);
        List<Alert> found = alerts.list(new AlertFilter(state, station, rule, from, to, AlertFilter.MAX_LIMIT * 10))
                .stream().filter(alert -> seen.test(alert.station())).limit(limit).toList();
        return json.ok(Map.of("alerts", found));
    }

    private Response get(Call call) {
        Alert alert = find(call);
        access.requireStation(call.principal(), Permission.READ_ALERTS, alert.station());
        return json.ok(alert);
    }

    private Response acknowledge(Call call) {
        Alert alert = find(call);
        access.requireStation(call.principal(), Permission.ACKNOWLEDGE_ALERTS, alert.station());
        if (Alert.RESOLVED.equals(alert.state())) {
            throw ApiException.conflict("alert " + alert.id() + " is resolved already");
        }
        return json.ok(alerts.acknowledge(alert.id(), call.principal().username()).orElseThrow());
    }

    private Alert find(Call call) {
        String raw = call.request().pathParam("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no alert with id '" + (raw.length() > 20 ? raw.substring(0, 20) : raw) + "'");
        }
        return alerts.get(id).orElseThrow(() -> ApiException.notFound("no alert with id " + id));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= AlertFilter.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ApiException.invalid("query parameter 'limit' must be 1-" + AlertFilter.MAX_LIMIT);
    }
}
