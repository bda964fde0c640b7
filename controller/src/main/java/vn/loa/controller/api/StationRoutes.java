package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Scope;
import java.util.List;
import java.util.Map;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.controller.identity.StationCredentials;
import vn.loa.controller.registry.Station;
import vn.loa.controller.registry.StationDraft;
import vn.loa.controller.registry.StationService;
import vn.loa.controller.status.StationStatusService;

/** {@code /api/v1/stations}: the registry with live status. */
public final class StationRoutes {
    private final StationService stations;
    private final StationCredentials credentials;
    private final StationStatusService status;
    private final ApiJson json;
    private final Access access;

    public StationRoutes(StationService stations, StationCredentials credentials, StationStatusService status,
                         ApiJson json, Access access) {
        this.access = access;
        this.stations = stations;
        this.credentials = credentials;
        this.status = status;
        this.json = json;
    }

    public void register(Router router) {
        router.get("/api/v1/stations", this::list);
        router.post("/api/v1/stations", this::create);
        router.get("/api/v1/stations/{id}", this::get);
        router.patch("/api/v1/stations/{id}", this::update);
        router.delete("/api/v1/stations/{id}", this::retire);
        router.post("/api/v1/stations/{id}/credentials", this::issueCredentials);
    }

    private Response list(Call call) {
        String area = call.request().queryParam("area").orElse(null);
        String presence = call.request().queryParam("status").orElse(null);
        if (presence != null && !presence.equals("online") && !presence.equals("offline")) {
            throw ApiException.invalid("query parameter 'status' must be online or offline");
        }
        Scope scope = access.require(call.principal(), Permission.READ_STATIONS);
        if (area != null) {
            access.requireTouching(call.principal(), Permission.READ_STATIONS, parseArea(area));
        }
        List<Station> found = area == null ? stations.list() : stations.inArea(parseArea(area));
        List<StationView> views = found.stream()
                .filter(station -> scope.covers(station.areaId()))
                .map(station -> StationView.of(station, status.get(station.id()).orElse(null)))
                .filter(view -> presence == null || view.status().equals(presence))
                .toList();
        return json.ok(Map.of("stations", views));
    }

    private Response get(Call call) {
        Station station = access.requireStation(call.principal(), Permission.READ_STATIONS,
                call.request().pathParam("id"));
        return json.ok(StationView.of(station, status.get(station.id()).orElse(null)));
    }

    private Response create(Call call) {
        Body body = json.body(call.request());
        StationDraft draft = new StationDraft(body.optionalText("id", 64), body.requiredLong("areaId"),
                body.requiredText("name", 200), body.optionalDouble("latitude"), body.optionalDouble("longitude"),
                false, body.optionalZones("zones"));
        access.requireArea(call.principal(), Permission.MANAGE_STATIONS, draft.areaId());
        Station station = stations.create(draft);
        MqttCredentials issued = credentials.issue(station.id(), call.principal().username());
        return json.created(new EnrolledStationView(StationView.of(station, status.get(station.id()).orElse(null)),
                issued), "/api/v1/stations/" + station.id());
    }

    /** New MQTT credentials for a station: the old ones stop working and its live session is dropped. */
    private Response issueCredentials(Call call) {
        Station station = access.requireStation(call.principal(), Permission.MANAGE_STATIONS,
                call.request().pathParam("id"));
        MqttCredentials issued = credentials.issue(station.id(), call.principal().username());
        return json.ok(Map.of("station", station.id(), "credentials", issued));
    }

    private Response update(Call call) {
        Body body = json.body(call.request());
        if (body.has("id")) {
            throw ApiException.invalid("a station's id cannot change: it is its identity on the network");
        }
        access.requireStation(call.principal(), Permission.MANAGE_STATIONS, call.request().pathParam("id"));
        if (body.optionalLong("areaId") != null) {
            access.requireArea(call.principal(), Permission.MANAGE_STATIONS, body.optionalLong("areaId"));
        }
        boolean clear = body.isNull("latitude") && body.isNull("longitude");
        StationDraft change = new StationDraft(null, body.optionalLong("areaId"), body.optionalText("name", 200),
                body.optionalDouble("latitude"), body.optionalDouble("longitude"), clear, body.optionalZones("zones"));
        Station station = stations.update(call.request().pathParam("id"), change);
        return json.ok(StationView.of(station, status.get(station.id()).orElse(null)));
    }

    private Response retire(Call call) {
        access.requireStation(call.principal(), Permission.MANAGE_STATIONS, call.request().pathParam("id"));
        stations.retire(call.request().pathParam("id"));
        return Response.noContent();
    }

    private static long parseArea(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("query parameter 'area' must be an area id");
        }
    }
}
