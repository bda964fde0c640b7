package vn.loa.controller.api;

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
    private final AudioAccess access;

    public BulletinRoutes(BulletinService bulletins, ApiJson json, AudioAccess access) {
        this.bulletins = bulletins;
        this.access = access;
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
        return new UploadRoute(COLLECTION, maxBytes, bulletins.uploadDir(), MAX_CONCURRENT_UPLOADS, this::create);
    }

    private Response create(Upload upload) {
        UploadedFile file = upload.file("file").orElseThrow(() -> upload.field("file").isPresent()
                ? ApiException.invalid("part 'file' must be a file (curl -F file=@bulletin.wav), not text")
                : ApiException.invalid("part 'file' is required: the audio, WAV, MP3 or Ogg Vorbis"));
        BulletinMetadata metadata = BulletinMetadata.parse(upload.field("title").orElse(null),
                upload.field("class").orElse(null), upload.field("language").orElse(null));
        Bulletin bulletin = bulletins.create(metadata, file.path(), upload.call().principal().username());
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
        var found = bulletins.list(new BulletinFilter(state, bulletinClass, language));
        return json.ok(Map.of("bulletins", found.stream().map(BulletinView::of).toList()));
    }

    private Response get(Call call) {
        return json.ok(BulletinView.of(bulletins.get(call.request().pathParam("id"))));
    }

    private Response approve(Call call) {
        return json.ok(BulletinView.of(bulletins.approve(call.request().pathParam("id"),
                call.principal().username())));
    }

    private Response archive(Call call) {
        return json.ok(BulletinView.of(bulletins.archive(call.request().pathParam("id"),
                call.principal().username())));
    }

    /** {@code /api/v1/bulletins/{id}/audio}: for the console (with a token), any state. */
    private Response bulletinAudio(Call call) {
        Bulletin bulletin = bulletins.get(call.request().pathParam("id"));
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
        access.require(call.request());
        String sha256 = call.request().pathParam("sha256");
        StoredAudio audio = bulletins.audioByContent(sha256).orElseThrow(() -> ApiException.notFound(
                "no audio with SHA-256 '" + (sha256.length() > 64 ? sha256.substring(0, 64) + "…" : sha256) + "'"));
        Response response = serve(call.request(), audio);
        return response.status() < 300 || response.status() == 304
                ? response.withHeader("Cache-Control", "public, max-age=31536000, immutable") : response;
    }

    private Response serve(Request request, StoredAudio audio) {
        if (!Files.isRegularFile(audio.path())) {
            LOG.error("The audio file {} is missing from the library", audio.path());
            throw new IllegalStateException("audio file " + audio.path() + " is missing");
        }
        return files.serve(request, audio.path(), audio.sizeBytes(), audio.format().mediaType(), audio.etag());
    }
}
