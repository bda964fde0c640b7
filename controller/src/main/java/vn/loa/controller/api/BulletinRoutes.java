package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Scope;
import vn.loa.controller.auth.Principal;
import java.nio.file.Files;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.bulletin.Bulletin;
import vn.loa.controller.bulletin.BulletinFilter;
import vn.loa.controller.bulletin.BulletinMetadata;
import vn.loa.controller.bulletin.BulletinService;
import vn.loa.controller.bulletin.BulletinState;
import vn.loa.controller.bulletin.StoredAudio;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.FileResponses;
import vn.loa.controller.http.Request;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.http.Upload;
import vn.loa.controller.http.UploadRoute;
import vn.loa.controller.http.UploadedFile;
import vn.loa.protocol.BulletinClass;

/**
 * {@code /api/v1/bulletins}: the library (upload, list, approve, archive) and {@code /audio/{sha256}},
 * the audio files stations fetch. The upload is a streamed route (see {@link #uploadRoute}).
 */
public final class BulletinRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(BulletinRoutes.class);
    public static final String COLLECTION = "/api/v1/bulletins";
    /** Uploads answered at once at most; more get a 503 before their body is read. */
    private static final int MAX_CONCURRENT_UPLOADS = 4;

    private final BulletinService bulletins;
    private final ApiJson json;
    private final FileResponses files;
    private final Access access;
    private final AudioAccess audioAccess;

    public BulletinRoutes(BulletinService bulletins, ApiJson json, Access access, AudioAccess audioAccess) {
        this.access = access;
        this.audioAccess = audioAccess;
        this.bulletins = bulletins;
        this.json = json;
        this.files = new FileResponses(json);
    }

    public void register(Router router) {
        router.get(COLLECTION, this::list);
        router.get(COLLECTION + "/{id}", this::get);
        router.post(COLLECTION + "/{id}/approve", this::approve);
        router.post(COLLECTION + "/{id}/archive", this::archive);
        router.get(COLLECTION + "/{id}/audio", this::bulletinAudio);
        router.add("HEAD", COLLECTION + "/{id}/audio", false, this::bulletinAudio);
        router.add("GET", "/audio/{sha256}", true, this::audio);
        router.add("HEAD", "/audio/{sha256}", true, this::audio);
    }

    /** {@code POST /api/v1/bulletins}: streamed to the library's upload folder, at most {@code maxBytes}. */
    public UploadRoute uploadRoute(long maxBytes) {
        return new UploadRoute(COLLECTION, maxBytes, bulletins.uploadDir(), MAX_CONCURRENT_UPLOADS, this::create)
                .admitting(principal -> access.require(principal, Permission.WRITE_BULLETINS));
    }

    private Response create(Upload upload) {
        UploadedFile file = upload.file("file").orElseThrow(() -> upload.field("file").isPresent()
                ? ApiException.invalid("part 'file' must be a file (curl -F file=@bulletin.wav), not text")
                : ApiException.invalid("part 'file' is required: the audio, WAV, MP3 or Ogg Vorbis"));
        BulletinMetadata metadata = BulletinMetadata.parse(upload.field("title").orElse(null),
                upload.field("class").orElse(null), upload.field("language").orElse(null));
        Principal principal = upload.call().principal();
        Long area = uploadArea(principal, upload.field("areaId").map(String::strip).orElse(null));
        Bulletin bulletin = bulletins.create(metadata, file.path(), principal.username(), area);
        return json.created(BulletinView.of(bulletin), COLLECTION + "/" + bulletin.id());
    }

    private Response list(Call call) {
        Request request = call.request();
        BulletinState state = request.queryParam("state").map(value -> BulletinState.fromWire(value).orElseThrow(
                () -> ApiException.invalid("query parameter 'state' must be draft, approved or archived")))
                .orElse(null);
        BulletinClass bulletinClass = request.queryParam("class").map(value -> BulletinClass.fromWire(value)
                .orElseThrow(() -> ApiException.invalid(
                        "query parameter 'class' must be normal, priority or emergency"))).orElse(null);
        String language = request.queryParam("language").orElse(null);
        if (language != null && !BulletinMetadata.isLanguage(language)) {
            throw ApiException.invalid("query parameter 'language' must be a language code such as vi, en or km");
        }
        Scope scope = access.require(call.principal(), Permission.READ_BULLETINS);
        var found = bulletins.list(new BulletinFilter(state, bulletinClass, language)).stream()
                .filter(bulletin -> bulletin.areaId() == null || scope.touches(bulletin.areaId()));
        return json.ok(Map.of("bulletins", found.map(BulletinView::of).toList()));
    }

    private Response get(Call call) {
        return json.ok(BulletinView.of(visible(call)));
    }

    private Response approve(Call call) {
        Bulletin bulletin = bulletins.get(call.request().pathParam("id"));
        access.requireOwned(call.principal(), Permission.APPROVE_BULLETINS, bulletin.areaId(), what(bulletin));
        return json.ok(BulletinView.of(bulletins.approve(bulletin.id(),
                call.principal().username())));
    }

    private Response archive(Call call) {
        Bulletin bulletin = bulletins.get(call.request().pathParam("id"));
        access.requireOwned(call.principal(), Permission.WRITE_BULLETINS, bulletin.areaId(), what(bulletin));
        return json.ok(BulletinView.of(bulletins.archive(bulletin.id(),
                call.principal().username())));
    }

    /** {@code /api/v1/bulletins/{id}/audio}: for the console (with a token), any state. */
    private Response bulletinAudio(Call call) {
        Bulletin bulletin = visible(call);
        return serve(call.request(), bulletins.audioOf(bulletin))
                .withHeader("Cache-Control", "private, no-cache")
                .withHeader("Content-Disposition", "inline; filename=\"" + bulletin.id() + "."
                        + bulletin.format().wireName() + "\"");
    }

    /**
     * {@code /audio/{sha256}}: content-addressed, so immutable. Not behind the router's token check:
     * stations log in with their own credentials (HTTP Basic), staff with a bearer token.
     */
    private Response audio(Call call) {
        String sha256 = call.request().pathParam("sha256");
        audioAccess.require(call.request()).ifPresent(user -> requireSomeVisible(user, sha256));
        StoredAudio audio = bulletins.audioByContent(sha256).orElseThrow(() -> ApiException.notFound(
                "no audio with SHA-256 '" + (sha256.length() > 64 ? sha256.substring(0, 64) + "…" : sha256) + "'"));
        Response response = serve(call.request(), audio);
        return response.status() < 300 || response.status() == 304
                ? response.withHeader("Cache-Control", "private, max-age=31536000, immutable") : response;
    }

    /** A user fetching audio by content must be allowed to see some bulletin with that content. */
    private void requireSomeVisible(Principal user, String sha256) {
        Scope scope = access.require(user, Permission.READ_BULLETINS);
        boolean seen = bulletins.withContent(sha256).stream()
                .anyMatch(bulletin -> bulletin.areaId() == null || scope.touches(bulletin.areaId()));
        if (!seen && !bulletins.withContent(sha256).isEmpty()) {
            throw ApiException.forbidden("this audio belongs to bulletins outside the areas where your roles allow you "
                    + "to " + Permission.READ_BULLETINS.description());
        }
    }

    private Bulletin visible(Call call) {
        Bulletin bulletin = bulletins.get(call.request().pathParam("id"));
        access.requireVisible(call.principal(), Permission.READ_BULLETINS, bulletin.areaId(), what(bulletin));
        return bulletin;
    }

    private static String what(Bulletin bulletin) {
        return "bulletin '" + bulletin.id() + "' (area " + bulletin.areaId() + ")";
    }

    /**
     * The area an upload belongs to: the one named, which must be the uploader's; else their only
     * area; else the whole library for staff allowed everywhere.
     */
    private Long uploadArea(Principal principal, String named) {
        if (named != null && !named.isEmpty()) {
            long area;
            try {
                area = Long.parseLong(named);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("part 'areaId' must be an area id, got '"
                        + (named.length() > 30 ? named.substring(0, 30) : named) + "'");
            }
            access.requireArea(principal, Permission.WRITE_BULLETINS, area);
            return area;
        }
        Scope scope = access.require(principal, Permission.WRITE_BULLETINS);
        if (scope.everywhere()) {
            return null;
        }
        if (scope.roots().size() == 1) {
            return scope.roots().iterator().next();
        }
        throw ApiException.invalid("part 'areaId' is required: you upload for several areas, say which one");
    }

    private Response serve(Request request, StoredAudio audio) {
        if (!Files.isRegularFile(audio.path())) {
            LOG.error("The audio file {} is missing from the library", audio.path());
            throw new IllegalStateException("audio file " + audio.path() + " is missing");
        }
        return files.serve(request, audio.path(), audio.sizeBytes(), audio.format().mediaType(), audio.etag());
    }
}
