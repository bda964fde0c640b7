package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import java.util.Locale;
import java.util.Objects;
import vn.loa.controller.emergency.CapIntake;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;

/**
 * {@code POST /api/v1/cap}: an OASIS CAP 1.2 alert as XML ({@code application/cap+xml},
 * {@code application/xml} or {@code text/xml}). Answers 201 (announcement triggered), 202 (kept as
 * a draft for an operator: {@code POST /api/v1/emergencies/{id}/confirm}), 200 (recorded only, a
 * Cancel, or a copy of an alert received before), 422 (reaches none of our areas), 400 (not a
 * valid CAP 1.2 alert: the message names the problem).
 */
public final class CapRoutes {
    private final CapIntake intake;
    private final ApiJson json;

    private final Access access;

    public CapRoutes(CapIntake intake, ApiJson json, Access access) {
        this.access = Objects.requireNonNull(access, "access");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.json = Objects.requireNonNull(json, "json");
    }

    public void register(Router router) {
        router.post("/api/v1/cap", this::receive);
    }

    private Response receive(Call call) {
        access.requireEverywhere(call.principal(), Permission.RUN_EMERGENCIES);
        String type = call.request().header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/cap+xml") && !type.startsWith("application/xml")
                && !type.startsWith("text/xml")) {
            throw new ApiException(415, "unsupported_media_type",
                    "send the CAP alert as XML with Content-Type: application/cap+xml");
        }
        if (call.request().body().length == 0) {
            throw ApiException.invalid("the request has no body: send a CAP 1.2 alert");
        }
        CapIntake.Outcome outcome = intake.receive(call.request().body(), call.principal().username());
        if (outcome.status() == 422) {
            throw new ApiException(422, "unreached", outcome.reason());
        }
        Response response = json.respond(outcome.status(), outcome);
        return outcome.emergencyId() == null ? response
                : response.withHeader("Location", EmergencyRoutes.COLLECTION + "/" + outcome.emergencyId());
    }
}
