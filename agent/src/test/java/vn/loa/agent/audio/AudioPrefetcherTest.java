package vn.loa.agent.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.ControllerSettings;
import vn.loa.agent.link.Backoff;
import vn.loa.agent.testutil.ManualScheduler;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.agent.testutil.RangeFileServer;
import vn.loa.agent.testutil.RangeFileServer.Request;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.protocol.Severity;

class AudioPrefetcherTest {
    private static final Instant T0 = Instant.parse("2026-11-23T04:00:00Z");

    /** One reported station event. */
    record Event(String kind, Severity severity, String detail) {
    }

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final ManualScheduler downloads = new ManualScheduler(clock);
    private final RangeFileServer server = new RangeFileServer();
    private final List<Event> events = new ArrayList<>();
    private final List<String> ready = new ArrayList<>();
    private AudioCache cache;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private AudioPrefetcher prefetcher(long maxBytes) {
        cache = new AudioCache(dir.resolve("cache"), maxBytes, clock);
        return new AudioPrefetcher("demo-01", cache, HttpClient.newHttpClient(), new ControllerSettings(server.url()),
                downloads, clock, new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(2), () -> 0),
                (kind, severity, detail) -> events.add(new Event(kind, severity, detail)), ready::add);
    }

    private static AudioNeed need(TestAudio audio, int startSeconds) {
        return new AudioNeed(audio.ref(), "bulletin-" + audio.path().hashCode(), T0.plusSeconds(startSeconds));
    }

    @Test
    void fetchesWhatThePlanNeedsSoonestFirstAndChecksIt() throws IOException {
        TestAudio later = TestAudio.of("later", 40_000);
        TestAudio sooner = TestAudio.of("sooner", 30_000);
        server.serve(later.path(), later.bytes()).serve(sooner.path(), sooner.bytes());
        AudioPrefetcher prefetcher = prefetcher(10_000_000);

        prefetcher.need(List.of(need(later, 600), need(sooner, 60)));
        downloads.runDue();

        assertThat(server.requests()).extracting(Request::path).containsExactly(sooner.path(), later.path());
        assertThat(ready).containsExactly(sooner.sha256(), later.sha256());
        assertThat(prefetcher.playable(sooner.sha256())).hasValueSatisfying(file -> assertThat(file)
                .hasFileName(sooner.sha256()).hasBinaryContent(sooner.bytes()));
        assertThat(Files.exists(cache.partFile(sooner.sha256()))).isFalse();
    }

    @Test
    void theStationsCredentialsGoAlongAsHttpBasic() {
        TestAudio audio = TestAudio.of("guarded", 2_000);
        server.serve(audio.path(), audio.bytes());
        cache = new AudioCache(dir.resolve("cache"), 10_000_000, clock);
        AudioPrefetcher prefetcher = new AudioPrefetcher("demo-01", cache, HttpClient.newHttpClient(),
                new ControllerSettings(server.url()), new StationLogin("demo-01", "s3cret:with colon"), downloads,
                clock, new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(2), () -> 0),
                (kind, severity, detail) -> events.add(new Event(kind, severity, detail)), ready::add);

        prefetcher.need(List.of(need(audio, 60)));
        downloads.runDue();

        assertThat(ready).containsExactly(audio.sha256());
        assertThat(server.authorizations()).containsExactly("Basic " + java.util.Base64.getEncoder()
                .encodeToString("demo-01:s3cret:with colon".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void withoutCredentialsNoAuthorizationIsSent() {
        TestAudio audio = TestAudio.of("open", 2_000);
        server.serve(audio.path(), audio.bytes());
        AudioPrefetcher prefetcher = prefetcher(10_000_000);

        prefetcher.need(List.of(need(audio, 60)));
        downloads.runDue();

        assertThat(server.authorizations()).containsExactly("null");
    }

    @Test
    void aChecksumMismatchIsNeverPlayableIsReportedAndIsFetchedAgain() throws IOException {
        TestAudio audio = TestAudio.of("storm-warning", 50_000);
        byte[] corrupt = audio.bytes().clone();
        corrupt[1234] ^= 0x5a;
        server.serve(audio.path(), corrupt);
        AudioPrefetcher prefetcher = prefetcher(10_000_000);

        prefetcher.need(List.of(need(audio, 60)));
        downloads.runDue();

        assertThat(prefetcher.playable(audio.sha256())).isEmpty();
        assertThat(prefetcher.whyUnavailable(audio.sha256())).startsWith("audio checksum mismatch (expected "
                + audio.sha256() + ", got " + TestAudio.sha256(corrupt));
        assertThat(Files.exists(cache.finalFile(audio.sha256()))).isFalse();
        assertThat(Files.exists(cache.partFile(audio.sha256()))).isFalse();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo("audio-checksum-mismatch");
            assertThat(event.severity()).isEqualTo(Severity.FAULT);
            assertThat(event.detail()).contains(audio.path(), audio.sha256());
        });
        assertThat(ready).isEmpty();

        server.serve(audio.path(), audio.bytes());
        downloads.advance(Duration.ofSeconds(1));
        assertThat(server.requests()).as("not before the backoff").hasSize(1);
        downloads.advance(Duration.ofSeconds(1));

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).range()).as("a mismatch starts again from zero").isNull();
        assertThat(prefetcher.playable(audio.sha256())).isPresent();
        assertThat(ready).containsExactly(audio.sha256());
    }

    @Test
    void aPartialFileIsResumedWithARangeRequest() throws IOException {
        TestAudio audio = TestAudio.of("long-bulletin", 80_000);
        server.serve(audio.path(), audio.bytes());
        AudioPrefetcher prefetcher = prefetcher(10_000_000);
        Files.write(cache.partFile(audio.sha256()), Arrays.copyOf(audio.bytes(), 30_000));

        prefetcher.need(List.of(need(audio, 60)));
        downloads.runDue();

        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.range()).isEqualTo("bytes=30000-");
            assertThat(request.ifRange()).isEqualTo("\"" + audio.sha256() + "\"");
            assertThat(request.status()).isEqualTo(206);
        });
        assertThat(prefetcher.playable(audio.sha256())).hasValueSatisfying(file ->
                assertThat(file).hasBinaryContent(audio.bytes()));
    }

    @Test
    void aServerThatIgnoresTheRangeSendsItAllAndTheFileIsStillRight() throws IOException {
        TestAudio audio = TestAudio.of("long-bulletin", 80_000);
        server.serve(audio.path(), audio.bytes()).ignoreRanges(true);
        AudioPrefetcher prefetcher = prefetcher(10_000_000);
        Files.write(cache.partFile(audio.sha256()), Arrays.copyOf(audio.bytes(), 30_000));

        prefetcher.need(List.of(need(audio, 60)));
        downloads.runDue();

        assertThat(server.requests()).extracting(Request::status).containsExactly(200);
        assertThat(prefetcher.playable(audio.sha256())).hasValueSatisfying(file ->
                assertThat(file).hasBinaryContent(audio.bytes()));
    }

    @Test
    void aCachedFileDamagedWhileTheAgentWasDownIsCaughtAndFetchedAgain() throws IOException {
        TestAudio audio = TestAudio.of("cached", 20_000);
        server.serve(audio.path(), audio.bytes());
        Files.createDirectories(dir.resolve("cache"));
        byte[] damaged = audio.bytes().clone();
        damaged[0] ^= 1;
        Files.write(dir.resolve("cache").resolve(audio.sha256()), damaged);
        AudioPrefetcher prefetcher = prefetcher(10_000_000);

        prefetcher.need(List.of(need(audio, 60)));
        downloads.runDue();

        assertThat(prefetcher.playable(audio.sha256())).isEmpty();
        assertThat(events).extracting(Event::kind).containsExactly("audio-checksum-mismatch");
        downloads.advance(Duration.ofSeconds(2));
        assertThat(prefetcher.playable(audio.sha256())).hasValueSatisfying(file ->
                assertThat(file).hasBinaryContent(audio.bytes()));
    }

    @Test
    void aFileThatDoesNotFitBesideSoonerNeedsIsNotFetchedAndIsReportedOnce() {
        TestAudio sooner = TestAudio.of("sooner", 700_000);
        TestAudio later = TestAudio.of("later", 700_000);
        server.serve(sooner.path(), sooner.bytes()).serve(later.path(), later.bytes());
        AudioPrefetcher prefetcher = prefetcher(1024 * 1024);

        prefetcher.need(List.of(need(sooner, 60), need(later, 600)));
        downloads.runDue();
        prefetcher.need(List.of(need(sooner, 60), need(later, 601)));
        downloads.runDue();

        assertThat(prefetcher.playable(sooner.sha256())).isPresent();
        assertThat(prefetcher.playable(later.sha256())).isEmpty();
        assertThat(prefetcher.whyUnavailable(later.sha256())).startsWith("the audio cache is full");
        assertThat(events).extracting(Event::kind).containsExactly("audio-cache-full");
        assertThat(server.requests()).extracting(Request::path).containsExactly(sooner.path());
    }

    @Test
    void aMissingFileIsRetriedAfterABackoff() {
        TestAudio audio = TestAudio.of("not-there-yet", 10_000);
        AudioPrefetcher prefetcher = prefetcher(10_000_000);

        prefetcher.need(List.of(need(audio, 60)));
        downloads.runDue();
        assertThat(prefetcher.whyUnavailable(audio.sha256())).isEqualTo("HTTP 404 from " + server.url() + audio.path());

        server.serve(audio.path(), audio.bytes());
        downloads.advance(Duration.ofSeconds(2));

        assertThat(prefetcher.playable(audio.sha256())).isPresent();
    }
}
