package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import java.util.Map;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.identity.EnrolmentToken;
import vn.loa.controller.identity.EnrolmentTokens;
import vn.loa.controller.identity.MqttCredentials;
import vn.loa.protocol.StationIds;

/**
 * Enrolment with a one-time token: staff create it for a station ({@code POST
 * /api/v1/stations/{id}/enrolment}); the station's agent exchanges it once for its MQTT
 * credentials ({@code POST /api/v1/enrol}, no bearer token: the enrolment token is the proof).
 */
public final class EnrolmentRoutes {
    private final EnrolmentTokens tokens;
    private final ApiJson json;

    private final Access access;

    public EnrolmentRoutes(EnrolmentTokens tokens, ApiJson json, Access access) {
        this.access = access;
        this.tokens = tokens;
        this.json = json;
    }

    public void register(Router router) {
        router.post("/api/v1/stations/{id}/enrolment", this::create);
        router.add("POST", "/api/v1/enrol", true, this::exchange);
    }

    private Response create(Call call) {
        access.requireStation(call.principal(), Permission.MANAGE_STATIONS, call.request().pathParam("id"));
        EnrolmentToken token = tokens.create(call.request().pathParam("id"), call.principal().username());
        return json.respond(201, token);
    }

    private Response exchange(Call call) {
        Body body = json.body(call.request());
        String station = body.requiredText("station", 64);
        String token = body.requiredText("token", 200);
        if (!StationIds.isValid(station)) {
            throw ApiException.unauthorized("this enrolment token is unknown, used or expired");
        }
        MqttCredentials credentials = tokens.exchange(station, token);
        return json.ok(Map.of("station", station, "credentials", credentials));
    }
}
