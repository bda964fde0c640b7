package vn.loa.agent.audio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.config.ControllerSettings;
import vn.loa.agent.health.EventSink;
import vn.loa.agent.link.Backoff;
import vn.loa.agent.timing.TaskScheduler;
import vn.loa.protocol.Severity;

/**
 * Fetches the audio of the plan ahead of time, soonest broadcast first, one file at a time, on
 * the station's download thread. Each file lands in the {@link AudioCache} only once its SHA-256
 * is checked; a mismatch deletes it, reports an {@code audio-checksum-mismatch} fault and fetches
 * it again after a backoff, like any other failure. An interrupted download (link loss, shutdown,
 * or a sooner file needed first) keeps its part and resumes with a range request. Files the plan
 * needs are never evicted; a file that does not fit beside them is not fetched (reported once as
 * {@code audio-cache-full}).
 *
 * <p>Thread: {@link #need}, {@link #playable} and {@link #whyUnavailable} from any thread; the
 * rest runs on the download thread.
 */
public final class AudioPrefetcher implements AudioSource {
    private static final Logger log = LoggerFactory.getLogger(AudioPrefetcher.class);
    /** How long to wait for the response headers, and for each chunk of the body. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

    private final String station;
    private final AudioCache cache;
    private final HttpAudioFetcher fetcher;
    private final ControllerSettings controller;
    private final TaskScheduler thread;
    private final Clock clock;
    private final Backoff backoff;
    private final EventSink events;
    private final Consumer<String> onReady;
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private volatile List<AudioNeed> needs = List.of();
    private volatile boolean closing;
    // download thread only
    private final Map<String, Attempts> attempts = new HashMap<>();
    private final Set<String> reportedFull = new HashSet<>();
    private TaskScheduler.Cancellable retry;
    private long checkedGeneration = -1;
    private String soonestMissing;

    private record Attempts(int count, Instant retryAt) {
    }

    /**
     * @param onReady told the checksum of each file that becomes playable, on the download thread
     */
    public AudioPrefetcher(String station, AudioCache cache, HttpClient http, ControllerSettings controller,
                           TaskScheduler thread, Clock clock, Backoff backoff, EventSink events,
                           Consumer<String> onReady) {
        this(station, cache, http, controller, null, thread, clock, backoff, events, onReady);
    }

    /**
     * @param login   the station's username and password, sent as HTTP Basic; null to send none
     * @param onReady told the checksum of each file that becomes playable, on the download thread
     */
    public AudioPrefetcher(String station, AudioCache cache, HttpClient http, ControllerSettings controller,
                           StationLogin login, TaskScheduler thread, Clock clock, Backoff backoff, EventSink events,
                           Consumer<String> onReady) {
        this.station = Objects.requireNonNull(station, "station");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.fetcher = new HttpAudioFetcher(Objects.requireNonNull(http, "http"), RESPONSE_TIMEOUT, STALL_TIMEOUT,
                login == null ? null : login.basicAuthorization());
        this.controller = Objects.requireNonNull(controller, "controller");
        this.thread = Objects.requireNonNull(thread, "thread");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.events = Objects.requireNonNull(events, "events");
        this.onReady = Objects.requireNonNull(onReady, "onReady");
    }

    @Override
    public Optional<Path> playable(String sha256) {
        return cache.verified(sha256);
    }

    @Override
    public String whyUnavailable(String sha256) {
        String problem = problems.get(sha256);
        if (problem != null) {
            return problem;
        }
        long part = cache.partSize(sha256);
        return part > 0 ? "audio still downloading (" + part + " bytes so far)" : "audio not downloaded yet";
    }

    @Override
    public void need(List<AudioNeed> newNeeds) {
        needs = List.copyOf(newNeeds);
        generation.incrementAndGet();
        queueRun();
    }

    /** Stops at the next chunk; the part file stays for a resume. The thread itself is the owner's to stop. */
    public void close() {
        closing = true;
    }

    private void queueRun() {
        if (runQueued.compareAndSet(false, true)) {
            thread.execute(this::run);
        }
    }

    private void run() {
        runQueued.set(false);
        if (closing) {
            return;
        }
        long runGeneration = generation.get();
        List<AudioNeed> wanted = soonestFirst(needs);
        Set<String> keep = new HashSet<>();
        wanted.forEach(need -> keep.add(need.sha256()));
        cache.evict(keep, 0);
        Instant nextRetry = null;
        for (AudioNeed need : wanted) {
            if (closing) {
                return;
            }
            if (generation.get() != runGeneration) {
                queueRun(); // the plan changed: start over with its order
                return;
            }
            String sha = need.sha256();
            if (cache.verified(sha).isPresent()) {
                continue;
            }
            Attempts tried = attempts.get(sha);
            if (tried != null && tried.retryAt().isAfter(clock.instant())) {
                nextRetry = earliest(nextRetry, tried.retryAt());
                continue;
            }
            if (cache.hasUnchecked(sha)) {
                checkExisting(need);
            } else if (fetch(need, keep, runGeneration)) {
                if (!closing) {
                    queueRun();
                }
                return;
            }
            Attempts after = attempts.get(sha);
            if (after != null) {
                nextRetry = earliest(nextRetry, after.retryAt());
            }
        }
        armRetry(nextRetry);
    }

    /** A final file left by an earlier run: usable once its checksum is checked again. */
    private void checkExisting(AudioNeed need) {
        String sha = need.sha256();
        try {
            String actual = AudioCache.sha256Of(cache.finalFile(sha));
            if (actual.equals(sha)) {
                cache.markVerified(sha);
                cache.touch(sha);
                ready(sha);
            } else {
                mismatch(need, actual);
            }
        } catch (IOException e) {
            cache.discard(sha);
            failed(sha, "cannot read the cached audio: " + e.getMessage());
        }
    }

    /** Returns true when the transfer was called off (shutdown or re-prioritised), false otherwise. */
    private boolean fetch(AudioNeed need, Set<String> keep, long runGeneration) {
        String sha = need.sha256();
        long have = cache.partSize(sha);
        long missing = Math.max(0, need.audio().sizeBytes() - have);
        cache.evict(keep, missing);
        if (cache.usedBytes() + missing > cache.maxBytes()) {
            cacheFull(need);
            return false;
        }
        URI uri = controller.resolve(need.audio().path());
        Path part = cache.partFile(sha);
        log.info("station {} fetches bulletin {} from {}{}", station, need.bulletinId(), uri,
                have > 0 ? " (resuming at byte " + have + ")" : "");
        FetchResult result;
        try {
            result = fetcher.fetch(uri, need.audio(), part, have, () -> keepGoing(sha, runGeneration));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        if (result instanceof FetchResult.Stopped) {
            log.info("station {} paused the download of bulletin {} ({} bytes kept)", station, need.bulletinId(),
                    cache.partSize(sha));
            return true;
        }
        if (result instanceof FetchResult.Failed failed) {
            failed(sha, failed.reason());
            return false;
        }
        verify(need);
        return false;
    }

    private void verify(AudioNeed need) {
        String sha = need.sha256();
        try {
            String actual = AudioCache.sha256Of(cache.partFile(sha));
            if (!actual.equals(sha)) {
                mismatch(need, actual);
                return;
            }
            cache.promote(sha);
        } catch (IOException e) {
            cache.discardPart(sha);
            failed(sha, "cannot store the audio: " + e.getMessage());
            return;
        }
        log.info("station {} has bulletin {} ({} bytes, SHA-256 checked)", station, need.bulletinId(),
                need.audio().sizeBytes());
        ready(sha);
    }

    private void ready(String sha) {
        attempts.remove(sha);
        problems.remove(sha);
        reportedFull.remove(sha);
        onReady.accept(sha);
    }

    private void mismatch(AudioNeed need, String actual) {
        String sha = need.sha256();
        cache.discard(sha);
        String detail = "bulletin " + need.bulletinId() + " (" + need.audio().path() + "): expected SHA-256 " + sha
                + ", got " + actual + "; the file was deleted and will be fetched again";
        log.warn("station {}: audio checksum mismatch for {}", station, detail);
        events.report("audio-checksum-mismatch", Severity.FAULT, detail);
        failed(sha, "audio checksum mismatch (expected " + sha + ", got " + actual + ")");
    }

    private void failed(String sha, String reason) {
        Attempts before = attempts.get(sha);
        int count = before == null ? 0 : before.count() + 1;
        Duration delay = backoff.delay(Math.min(count, 30));
        attempts.put(sha, new Attempts(count, clock.instant().plus(delay)));
        problems.put(sha, reason);
        log.warn("station {} could not fetch audio {}: {}; trying again in {} s", station, sha, reason,
                delay.toSeconds());
    }

    private void cacheFull(AudioNeed need) {
        String detail = "bulletin " + need.bulletinId() + " (" + need.audio().sizeBytes()
                + " bytes) does not fit in the audio cache (maxBytes " + cache.maxBytes() + ") beside the files "
                + "the plan needs sooner";
        problems.put(need.sha256(), "the audio cache is full: " + detail);
        if (reportedFull.add(need.sha256())) {
            log.warn("station {}: {}", station, detail);
            events.report("audio-cache-full", Severity.WARNING, detail);
        }
    }

    /** Between chunks: go on unless closing, or the plan now needs another missing file sooner. */
    private boolean keepGoing(String sha, long runGeneration) {
        if (closing || Thread.currentThread().isInterrupted()) {
            return false;
        }
        long now = generation.get();
        if (now == runGeneration) {
            return true;
        }
        if (checkedGeneration != now) {
            checkedGeneration = now;
            soonestMissing = soonestFirst(needs).stream().map(AudioNeed::sha256)
                    .filter(candidate -> cache.verified(candidate).isEmpty())
                    .findFirst().orElse(null);
        }
        return sha.equals(soonestMissing);
    }

    private void armRetry(Instant at) {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
        if (at != null && !closing) {
            retry = thread.schedule(this::queueRun, Duration.between(clock.instant(), at));
        }
    }

    /** One need per file, the earliest start of each, soonest first. */
    static List<AudioNeed> soonestFirst(List<AudioNeed> needs) {
        Map<String, AudioNeed> bySha = new LinkedHashMap<>();
        for (AudioNeed need : needs) {
            bySha.merge(need.sha256(), need, (a, b) -> a.firstStart().isAfter(b.firstStart()) ? b : a);
        }
        List<AudioNeed> sorted = new ArrayList<>(bySha.values());
        sorted.sort(Comparator.comparing(AudioNeed::firstStart));
        return sorted;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
