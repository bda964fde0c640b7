package vn.loa.agent.player;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.config.AudioSettings;
import vn.loa.agent.health.EventSink;
import vn.loa.protocol.NowPlaying;
import vn.loa.protocol.Severity;

/**
 * Plays bulletins through the board's sound output with Java Sound (ALSA on Linux): WAV, MP3 and
 * OGG decoded to 16-bit PCM, the volume applied to the samples in software, the output level
 * measured every second of audio (logged under {@code vn.loa.agent.player.levels}, summed up in an
 * {@code audio-level} event) and silence longer than {@code deadAirSeconds} reported once per
 * broadcast ({@code dead-air}). A missing device or a failing stream is an {@code audio-fault}
 * event and a failed playback future ({@link AudioFault}).
 *
 * <p>Writing is paced by the audio's own duration (a monotonic clock), not only by the device:
 * a sink that does not block (ALSA's null or file device) still makes a playback last as long as
 * its audio. Thread: decoding and writing run on the injected executor (the player's own thread);
 * {@link #play}, {@link #stop} and {@link #nowPlaying} may be called from any thread.
 */
public final class JavaSoundPlayer implements Player {
    private static final Logger log = LoggerFactory.getLogger(JavaSoundPlayer.class);
    private static final Logger levels = LoggerFactory.getLogger("vn.loa.agent.player.levels");
    private static final int CHUNK_MILLIS = 100;

    private final String station;
    private final AudioSettings settings;
    private final Executor thread;
    private final Clock clock;
    private final EventSink events;
    private Playback current; // guarded by this
    private boolean closed; // guarded by this

    public JavaSoundPlayer(String station, AudioSettings settings, Executor thread, Clock clock, EventSink events) {
        this.station = Objects.requireNonNull(station, "station");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.thread = Objects.requireNonNull(thread, "thread");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public CompletableFuture<PlaybackResult> play(PlayRequest request) {
        Objects.requireNonNull(request, "request");
        Playback interrupted;
        Playback playback;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the player of station " + station + " is closed"));
            }
            interrupted = current;
            playback = new Playback(request, clock.instant());
            current = playback;
        }
        if (interrupted != null) {
            end(interrupted, PlaybackResult.Outcome.STOPPED);
        }
        if (request.audioFile() == null) {
            fail(playback, new AudioFault("bulletin " + request.bulletinId() + " has no audio file to play"));
            return playback.result;
        }
        try {
            thread.execute(() -> run(playback));
        } catch (RejectedExecutionException e) {
            fail(playback, new AudioFault("the player of station " + station + " is shutting down", e));
        }
        return playback.result;
    }

    @Override
    public synchronized Optional<NowPlaying> nowPlaying() {
        if (current == null) {
            return Optional.empty();
        }
        PlayRequest request = current.request;
        return Optional.of(new NowPlaying(request.broadcastId(), request.bulletinId(), request.title(), current.startedAt,
                current.lastLevel));
    }

    @Override
    public boolean canSeek() {
        return true;
    }

    @Override
    public void stop() {
        Playback stopped;
        synchronized (this) {
            stopped = current;
        }
        if (stopped != null) {
            end(stopped, PlaybackResult.Outcome.STOPPED);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stop();
    }

    /** On the player's thread. */
    private void run(Playback playback) {
        if (playback.stopped) {
            return;
        }
        PlayRequest request = playback.request;
        try (AudioInputStream pcm = PcmDecoder.open(request.audioFile(), request.offset())) {
            SourceDataLine line = OutputDevice.open(settings.device(), pcm.getFormat());
            try {
                stream(playback, pcm, line);
            } finally {
                line.close();
            }
            end(playback, playback.stopped ? PlaybackResult.Outcome.STOPPED : PlaybackResult.Outcome.COMPLETED);
        } catch (AudioFault e) {
            fail(playback, e);
        } catch (IOException e) {
            fail(playback, new AudioFault("the audio of bulletin " + request.bulletinId() + " broke off: " + e, e));
        } catch (RuntimeException e) {
            fail(playback, new AudioFault("the audio output failed: " + e, e));
        }
    }

    private void stream(Playback playback, AudioInputStream pcm, SourceDataLine line) throws IOException, AudioFault {
        AudioFormat format = pcm.getFormat();
        int frameSize = format.getFrameSize();
        int rate = Math.round(format.getFrameRate());
        byte[] buffer = new byte[Math.max(1, rate * CHUNK_MILLIS / 1000) * frameSize];
        OutputLevel meter = new OutputLevel(rate, format.getChannels(), settings.silenceThresholdDb(),
                (level, silentSeconds) -> measured(playback, level, silentSeconds));
        long leadNanos = framesToNanos(line.getBufferSize() / frameSize / 2, rate);
        line.start();
        long start = System.nanoTime();
        long frames = 0;
        while (!playback.stopped) {
            int length = readWholeFrames(pcm, buffer, frameSize);
            if (length == 0) {
                break;
            }
            Volume.apply(buffer, length, settings.volume());
            meter.add(buffer, 0, length);
            int written = line.write(buffer, 0, length);
            if (written < length && !playback.stopped) {
                throw new AudioFault("the audio device stopped taking audio (unplugged or failed) after "
                        + frames / rate + " s of bulletin " + playback.request.bulletinId());
            }
            frames += length / frameSize;
            playback.awaitUntil(start + framesToNanos(frames, rate) - leadNanos);
        }
        meter.finish();
        if (frames == 0 && !playback.stopped) {
            throw new AudioFault("the audio of bulletin " + playback.request.bulletinId() + " decoded to nothing");
        }
        if (!playback.stopped) {
            line.drain();
            playback.awaitUntil(start + framesToNanos(frames, rate));
        }
        reportLevels(playback, meter);
    }

    private void measured(Playback playback, double level, double silentSeconds) {
        playback.lastLevel = level;
        levels.info("station {} output level {} dBFS (broadcast {})", station, String.format(Locale.ROOT, "%.1f", level),
                playback.request.broadcastId());
        if (silentSeconds > settings.deadAirSeconds() && !playback.deadAirReported) {
            playback.deadAirReported = true;
            String detail = describe(playback.request) + ": silent for " + Math.round(silentSeconds)
                    + " s (quieter than " + settings.silenceThresholdDb() + " dBFS for more than "
                    + settings.deadAirSeconds() + " s)";
            log.warn("station {} dead air: {}", station, detail);
            events.report("dead-air", Severity.WARNING, detail);
        }
    }

    private void reportLevels(Playback playback, OutputLevel meter) {
        if (meter.windows() == 0) {
            return;
        }
        String detail = String.format(Locale.ROOT, "%s: mean %.1f dBFS, loudest second %.1f dBFS, quietest %.1f dBFS "
                + "over %d s", describe(playback.request), meter.meanDb(), meter.loudestDb(), meter.quietestDb(),
                meter.windows());
        log.info("station {} output level of {}", station, detail);
        events.report("audio-level", Severity.INFO, detail);
    }

    /** Reports the fault before failing the future, so whoever waits on it finds the event already sent. */
    private void fail(Playback playback, AudioFault fault) {
        synchronized (this) {
            if (current == playback) {
                current = null;
            }
        }
        playback.stop();
        if (playback.claimEnd()) {
            String detail = describe(playback.request) + ": " + fault.getMessage();
            log.warn("station {} audio fault: {}", station, detail);
            events.report("audio-fault", Severity.FAULT, detail);
            playback.result.completeExceptionally(fault);
        }
    }

    private void end(Playback playback, PlaybackResult.Outcome outcome) {
        synchronized (this) {
            if (current == playback) {
                current = null;
            }
        }
        playback.stop();
        if (playback.claimEnd()) {
            log.info("station {} {} bulletin {}", station,
                    outcome == PlaybackResult.Outcome.COMPLETED ? "finished" : "stopped", playback.request.bulletinId());
            playback.result.complete(new PlaybackResult(playback.request, playback.startedAt, clock.instant(), outcome));
        }
    }

    private static String describe(PlayRequest request) {
        return (request.broadcastId() == null ? "" : "broadcast " + request.broadcastId() + ", ")
                + "bulletin " + request.bulletinId();
    }

    private static int readWholeFrames(AudioInputStream pcm, byte[] buffer, int frameSize) throws IOException {
        int length = 0;
        while (length < buffer.length) {
            int read = pcm.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
        }
        return length - length % frameSize;
    }

    private static long framesToNanos(long frames, int rate) {
        return frames * 1_000_000_000L / rate;
    }

    /** One bulletin's playback; {@code stopped} ends its writing loop and wakes its pacing wait. */
    private static final class Playback {
        final PlayRequest request;
        final Instant startedAt;
        final CompletableFuture<PlaybackResult> result = new CompletableFuture<>();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition stopping = lock.newCondition();
        private final AtomicBoolean ended = new AtomicBoolean();
        volatile boolean stopped;
        boolean deadAirReported; // player thread
        volatile Double lastLevel; // written by the player thread, read by nowPlaying()

        Playback(PlayRequest request, Instant startedAt) {
            this.request = request;
            this.startedAt = startedAt;
        }

        /** True for the one caller that gets to end this playback (complete its future). */
        boolean claimEnd() {
            return ended.compareAndSet(false, true);
        }

        void stop() {
            lock.lock();
            try {
                stopped = true;
                stopping.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits until {@link System#nanoTime} reaches {@code deadline}, or the playback is stopped. */
        void awaitUntil(long deadline) {
            lock.lock();
            try {
                long left = deadline - System.nanoTime();
                while (!stopped && left > 0) {
                    left = stopping.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            } finally {
                lock.unlock();
            }
        }
    }
}
