package vn.loa.controller.api;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Scope;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.bulletin.BulletinService;
import vn.loa.controller.schedule.Targets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.loa.controller.emergency.AnnouncementRequest;
import vn.loa.controller.emergency.AnnouncementResolver;
import vn.loa.controller.emergency.Announcement;
import vn.loa.controller.emergency.AnnouncementView;
import vn.loa.controller.emergency.EmergencyEvents;
import vn.loa.controller.emergency.EmergencyService;
import vn.loa.controller.emergency.EmergencyState;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.http.SessionTokens;
import vn.loa.controller.http.Upload;
import vn.loa.controller.http.UploadRoute;
import vn.loa.controller.http.UploadedFile;

/**
 * {@code /api/v1/emergencies}: trigger (JSON, or multipart with the audio file), list, read, stop,
 * confirm a draft, and follow one live ({@code /events}, Server-Sent Events).
 */
public final class EmergencyRoutes {
    public static final String COLLECTION = "/api/v1/emergencies";
    private static final int MAX_TITLE = 200;
    private static final int MAX_CONCURRENT_UPLOADS = 2;

    private final EmergencyService emergencies;
    private final AnnouncementResolver resolver;
    private final EmergencyEvents events;
    private final ApiJson json;
    private final BulletinService bulletins;
    private final Access access;
    private final Function<String, Principal> tokens;

    /** {@code tokens}: the user behind a bearer token (a 401 when revoked), checked again as a stream goes on. */
    public EmergencyRoutes(EmergencyService emergencies, AnnouncementResolver resolver, EmergencyEvents events,
                           ApiJson json, BulletinService bulletins, Access access, Function<String, Principal> tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.bulletins = Objects.requireNonNull(bulletins, "bulletins");
        this.access = Objects.requireNonNull(access, "access");
        this.emergencies = Objects.requireNonNull(emergencies, "emergencies");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.events = Objects.requireNonNull(events, "events");
        this.json = Objects.requireNonNull(json, "json");
    }

    public void register(Router router) {
        router.post(COLLECTION, this::trigger);
        router.get(COLLECTION, this::list);
        router.get(COLLECTION + "/{id}", this::get);
        router.post(COLLECTION + "/{id}/stop", this::stop);
        router.post(COLLECTION + "/{id}/confirm", this::confirm);
        router.get(COLLECTION + "/{id}/events", call -> {
            visible(call);
            var seen = access.stationsIn(access.require(call.principal(), Permission.RUN_EMERGENCIES));
            String token = SessionTokens.of(call.request()).orElse("");
            BooleanSupplier allowed = () -> {
                try {
                    access.require(tokens.apply(token), Permission.RUN_EMERGENCIES);
                    return true;
                } catch (ApiException revoked) {
                    return false;
                }
            };
            return Response.events(channel -> events.open(call.request().pathParam("id"), channel, seen, allowed));
        });
    }

    /** {@code POST /api/v1/emergencies} as multipart/form-data: the audio uploaded with the announcement. */
    public UploadRoute uploadRoute(long maxBytes, java.nio.file.Path tempDir) {
        return new UploadRoute(COLLECTION, maxBytes, tempDir, MAX_CONCURRENT_UPLOADS, this::triggerWithUpload)
                .acceptingOtherBodies()
                .admitting(principal -> access.require(principal, Permission.RUN_EMERGENCIES));
    }

    private Response trigger(Call call) {
        Body body = json.body(call.request());
        Targets targets = ScheduleRoutes.targets(body.node("targets"));
        access.requireTargets(call.principal(), Permission.RUN_EMERGENCIES, targets);
        String bulletinId = body.optionalText("bulletinId", 100);
        if (bulletinId != null) {
            bulletins.find(bulletinId).ifPresent(bulletin -> access.requireVisible(call.principal(),
                    Permission.READ_BULLETINS, bulletin.areaId(), "bulletin '" + bulletinId + "'"));
        }
        AnnouncementRequest request = new AnnouncementRequest(targets,
                body.optionalText("standardMessage", 32), bulletinId, null,
                body.optionalText("title", MAX_TITLE), integer(body, "repeat"), integer(body, "riskLevel"),
                instant(body.optionalText("validUntil", 40)), minutes(body.optionalLong("validMinutes")),
                body.optionalLong("warmUpMillis"), "api");
        return created(request, call.principal().username());
    }

    private Response triggerWithUpload(Upload upload) {
        UploadedFile file = upload.file("file").orElseThrow(() -> ApiException.invalid(
                "part 'file' is required in a multipart announcement: the audio, WAV, MP3 or Ogg Vorbis"));
        String targetsText = upload.field("targets").orElseThrow(() -> ApiException.invalid(
                "part 'targets' is required: JSON such as {\"areas\": [3]}"));
        com.fasterxml.jackson.databind.JsonNode targets;
        try {
            targets = json.mapper().readTree(targetsText);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.invalid("part 'targets' must be JSON such as {\"areas\": [3]}");
        }
        String title = upload.field("title").map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        if (title != null && title.length() > MAX_TITLE) {
            throw ApiException.invalid("part 'title' must be at most " + MAX_TITLE + " characters");
        }
        Targets reached = ScheduleRoutes.targets(targets);
        access.requireTargets(upload.call().principal(), Permission.RUN_EMERGENCIES, reached);
        AnnouncementRequest request = new AnnouncementRequest(reached, null,
                null, file.path(), title, number(upload, "repeat"), number(upload, "riskLevel"),
                instant(upload.field("validUntil").orElse(null)),
                minutes(upload.field("validMinutes").map(v -> (long) parse("validMinutes", v)).orElse(null)),
                upload.field("warmUpMillis").map(v -> (long) parse("warmUpMillis", v)).orElse(null), "api");
        return created(request, upload.call().principal().username());
    }

    private Response created(AnnouncementRequest request, String actor) {
        Announcement announcement = emergencies.create(resolver.resolve(request, actor), actor, false);
        AnnouncementView view = emergencies.get(announcement.id());
        return json.created(EmergencyView.of(view.announcement(), view.stations(), true),
                COLLECTION + "/" + announcement.id());
    }

    private Response list(Call call) {
        EmergencyState state = call.request().queryParam("state").map(value -> EmergencyState.fromWire(value)
                .orElseThrow(() -> ApiException.invalid("query parameter 'state' must be draft, active, stopped, "
                        + "ended or discarded"))).orElse(null);
        int limit = call.request().queryParam("limit").map(value -> parse("limit", value)).orElse(50);
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("query parameter 'limit' must be 1-500");
        }
        var seen = access.seenIn(access.require(call.principal(), Permission.RUN_EMERGENCIES));
        List<EmergencyView> found = emergencies.list(state, limit).stream()
                .filter(s -> seen.test(s.announcement().targets()))
                .map(s -> EmergencyView.summary(s.announcement(), s.stationsByStage())).toList();
        return json.ok(Map.of("emergencies", found));
    }

    private Response get(Call call) {
        return json.ok(shown(call, visible(call)));
    }

    private Response stop(Call call) {
        String id = call.request().pathParam("id");
        access.requireTargets(call.principal(), Permission.RUN_EMERGENCIES,
                emergencies.get(id).announcement().targets());
        emergencies.stop(id, call.principal().username());
        AnnouncementView view = emergencies.get(id);
        return json.ok(shown(call, view));
    }

    private Response confirm(Call call) {
        String id = call.request().pathParam("id");
        Announcement draft = emergencies.get(id).announcement();
        access.requireTargets(call.principal(), Permission.RUN_EMERGENCIES, draft.targets());
        if (draft.state() != EmergencyState.DRAFT) {
            throw ApiException.conflict("emergency announcement '" + id + "' is " + draft.state().wireName()
                    + ", not a draft");
        }
        String actor = call.principal().username();
        String standard = draft.audioSource().startsWith("standard:") ? draft.audioSource().substring(9) : null;
        AnnouncementRequest request = new AnnouncementRequest(draft.targets(), standard,
                standard == null ? draft.bulletinId() : null, null, draft.title(), draft.repeat(), draft.riskLevel(),
                draft.validUntil(), null, draft.warmUpMillis(), draft.origin());
        emergencies.confirm(id, resolver.resolve(request, actor), actor);
        AnnouncementView view = emergencies.get(id);
        return json.ok(shown(call, view));
    }

    /** The announcement with the stations of the user's areas only (another commune's progress is theirs). */
    private EmergencyView shown(Call call, AnnouncementView view) {
        var seen = access.stationsIn(access.require(call.principal(), Permission.RUN_EMERGENCIES));
        return EmergencyView.of(view.announcement(),
                view.stations().stream().filter(progress -> seen.test(progress.station())).toList(), true);
    }

    /** The announcement, if it reaches the user's areas (a 403 otherwise: another commune's emergency). */
    private AnnouncementView visible(Call call) {
        Principal principal = call.principal();
        Scope scope = access.require(principal, Permission.RUN_EMERGENCIES);
        AnnouncementView view = emergencies.get(call.request().pathParam("id"));
        if (!access.touches(scope, view.announcement().targets())) {
            throw ApiException.forbidden("emergency announcement '" + view.announcement().id() + "' reaches none of "
                    + "the areas where your roles allow you to " + Permission.RUN_EMERGENCIES.description());
        }
        return view;
    }

    private static Integer integer(Body body, String field) {
        Long value = body.optionalLong(field);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw ApiException.invalid("field '" + field + "' is out of range");
        }
        return value.intValue();
    }

    private static Integer number(Upload upload, String part) {
        return upload.field(part).map(value -> parse(part, value)).orElse(null);
    }

    private static int parse(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("'" + name + "' must be a whole number, got '" + value + "'");
        }
    }

    private static Duration minutes(Long minutes) {
        if (minutes == null) {
            return null;
        }
        if (minutes < 1) {
            throw ApiException.invalid("'validMinutes' must be at least 1");
        }
        return Duration.ofMinutes(Math.min(minutes, 100_000));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("'validUntil' must be an instant with its offset, such as "
                    + "2026-11-23T15:30:00+07:00, got '" + text + "'");
        }
    }
}
