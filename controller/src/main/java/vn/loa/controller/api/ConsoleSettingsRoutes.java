package vn.loa.controller.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import vn.loa.controller.config.ConsoleSettings;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.http.Router;
import vn.loa.controller.schedule.BroadcastTime;

/**
 * {@code GET /api/v1/console/settings}: what the web console needs to know of the controller (the
 * map's tile server, the time zone of local times, the controller's version, the validity an
 * emergency announcement gets by default and at most). Any logged-in user.
 */
public final class ConsoleSettingsRoutes {
    private final ConsoleSettings settings;
    private final ControllerConfig.Emergencies emergencies;
    private final String version;
    private final ApiJson json;

    /** {@code version}: the controller's version, null when unknown (run from classes, not the jar). */
    public ConsoleSettingsRoutes(ConsoleSettings settings, ControllerConfig.Emergencies emergencies, String version,
                                 ApiJson json) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.emergencies = Objects.requireNonNull(emergencies, "emergencies");
        this.version = version;
        this.json = Objects.requireNonNull(json, "json");
    }

    public void register(Router router) {
        router.get("/api/v1/console/settings", call -> json.ok(new View(settings.tileUrl(),
                settings.tileAttribution(), BroadcastTime.ZONE.getId(), version,
                new Validity(emergencies.defaultValidityMinutes(), emergencies.maxValidityHours() * 60))));
    }

    /** The answer; its fields are always there, null when not set. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record View(String tileUrl, String tileAttribution, String timeZone, String version,
                       Validity emergencyValidity) {
    }

    /** An emergency announcement's validity when the trigger names none, and the longest accepted. */
    public record Validity(int defaultMinutes, int maxMinutes) {
    }
}
