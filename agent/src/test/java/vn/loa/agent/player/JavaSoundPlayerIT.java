package vn.loa.agent.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AudioSettings;
import vn.loa.agent.testutil.RecordingEvents;
import vn.loa.agent.testutil.TestTones;
import vn.loa.protocol.Severity;

/**
 * Real playback through Java Sound and ALSA without a sound card: the forked JVM's
 * {@code ALSA_CONFIG_PATH} (agent/pom.xml) names a file this test writes before Java Sound first
 * loads ALSA, routing the default device to a raw capture file (docs: stack.md).
 */
class JavaSoundPlayerIT {
    private static final int RATE = 44100;
    private static Path captured;

    private final ExecutorService playerThread = Executors.newSingleThreadExecutor();
    private final RecordingEvents events = new RecordingEvents();
    private JavaSoundPlayer player;

    @TempDir
    Path dir;

    @BeforeAll
    static void routeTheDefaultDeviceToAFile() throws IOException {
        String configPath = System.getenv("ALSA_CONFIG_PATH");
        if (configPath == null) {
            fail("ALSA_CONFIG_PATH is not set: run this test through 'mvn verify' (agent/pom.xml sets it for failsafe)");
        }
        Path config = Path.of(configPath);
        Files.createDirectories(config.getParent());
        captured = config.resolveSibling("captured.raw");
        Files.writeString(config, "</usr/share/alsa/alsa.conf>\n"
                + "pcm.!default { type file; slave.pcm \"null\"; file \"" + captured + "\"; format \"raw\" }\n");
    }

    @AfterEach
    void closePlayer() {
        if (player != null) {
            player.close();
        }
        playerThread.shutdownNow();
    }

    private JavaSoundPlayer player(AudioSettings settings) {
        player = new JavaSoundPlayer("demo-01", settings, playerThread, Clock.systemUTC(), events);
        return player;
    }

    private static PlayRequest request(String id, Path file, Duration duration) {
        return new PlayRequest("broadcast-" + id, id, "Bản tin " + id, file, duration, Duration.ZERO);
    }

    private static PlaybackResult await(CompletableFuture<PlaybackResult> playback) throws Exception {
        return playback.get(20, TimeUnit.SECONDS);
    }

    @Test
    void wavIsCapturedSampleForSampleAtTheConfiguredVolume() throws Exception {
        byte[] pcm = TestTones.sine(RATE, 2, 1.5, 440, 0.9);
        Path wav = TestTones.wav(dir.resolve("b1.wav"), pcm, RATE, 2);
        Files.deleteIfExists(captured);
        long began = System.nanoTime();

        PlaybackResult result = await(player(AudioSettings.alsa().withVolume(0.5))
                .play(request("b1", wav, Duration.ofMillis(1500))));

        assertThat(result.outcome()).isEqualTo(PlaybackResult.Outcome.COMPLETED);
        assertThat(Duration.ofNanos(System.nanoTime() - began))
                .as("paced by the audio's own duration, not the null device").isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        assertThat(Files.readAllBytes(captured)).isEqualTo(scaled(pcm, 0.5));
        assertThat(events.ofKind("audio-level")).singleElement()
                .satisfies(event -> assertThat(event.detail()).contains("broadcast-b1", "over 2 s"));
        assertThat(events.ofKind("audio-fault")).isEmpty();
    }

    /** 2 s each: java-vorbis-support 1.2.1 decodes an Ogg file shorter than about 1.5 s to nothing (a fault). */
    @Test
    void aResumedBroadcastBeginsAtItsOffset() throws Exception {
        byte[] pcm = TestTones.sine(8000, 1, 1.0, 440, 0.4);
        Path wav = TestTones.wav(dir.resolve("b2.wav"), pcm, 8000, 1);
        Files.deleteIfExists(captured);

        PlaybackResult result = await(player(AudioSettings.alsa()).play(new PlayRequest("broadcast-b2", "b2", null, wav,
                Duration.ofSeconds(1), Duration.ofMillis(250))));

        assertThat(result.outcome()).isEqualTo(PlaybackResult.Outcome.COMPLETED);
        assertThat(Files.readAllBytes(captured)).isEqualTo(Arrays.copyOfRange(pcm, 2000 * 2, pcm.length));
    }

    @Test
    void mp3AndOggFixturesDecodeAndPlay() throws Exception {
        Path wav = TestTones.wav(dir.resolve("tone.wav"), TestTones.sine(RATE, 1, 2.0, 440, 0.5), RATE, 1);
        JavaSoundPlayer javaSound = player(AudioSettings.alsa());
        for (Path file : new Path[] {TestTones.mp3(wav, dir.resolve("tone.mp3")), TestTones.ogg(wav, dir.resolve("tone.ogg"))}) {
            Files.deleteIfExists(captured);

            PlaybackResult result = await(javaSound.play(request(file.getFileName().toString(), file, Duration.ofSeconds(2))));

            assertThat(result.outcome()).as(file.getFileName().toString()).isEqualTo(PlaybackResult.Outcome.COMPLETED);
            byte[] played = Files.readAllBytes(captured);
            assertThat(played.length / 2).as("samples of %s (2 s of mono at 44.1 kHz, plus encoder padding)", file.getFileName())
                    .isBetween(2 * RATE - RATE / 20, 2 * RATE + RATE / 5);
            assertThat(OutputLevel.decibels(sumOfSquares(played), played.length / 2))
                    .as("level of %s: a half-scale sine is about -9 dBFS", file.getFileName()).isBetween(-10.5, -8.0);
        }
        assertThat(events.ofKind("audio-fault")).isEmpty();
    }

    @Test
    void aMissingDeviceIsAnAudioFault() throws Exception {
        Path wav = TestTones.wav(dir.resolve("b1.wav"), TestTones.sine(RATE, 1, 0.5, 440, 0.5), RATE, 1);

        CompletableFuture<PlaybackResult> playback = player(AudioSettings.alsa().withDevice("no-such-card"))
                .play(request("b1", wav, Duration.ofMillis(500)));

        assertThatFailsWithAudioFault(playback, "no audio device 'no-such-card'");
        assertThat(events.ofKind("audio-fault")).singleElement().satisfies(event -> {
            assertThat(event.severity()).isEqualTo(Severity.FAULT);
            assertThat(event.detail()).contains("broadcast-b1", "no-such-card");
        });
        assertThat(player.nowPlaying()).isEmpty();
    }

    @Test
    void aFileThatIsNotAudioIsAnAudioFault() throws Exception {
        Path garbage = Files.write(dir.resolve("b1.mp3"), "not audio at all".repeat(100).getBytes());

        CompletableFuture<PlaybackResult> playback = player(AudioSettings.alsa())
                .play(request("b1", garbage, Duration.ofSeconds(1)));

        assertThatFailsWithAudioFault(playback, "cannot decode b1.mp3");
        assertThat(events.ofKind("audio-fault")).hasSize(1);
    }

    @Test
    void aSilentBulletinIsFlaggedAsDeadAirOnce() throws Exception {
        Path wav = TestTones.wav(dir.resolve("quiet.wav"), TestTones.silence(8000, 1, 3.2), 8000, 1);

        PlaybackResult result = await(player(AudioSettings.alsa().withDeadAirSeconds(1))
                .play(request("quiet", wav, Duration.ofMillis(3200))));

        assertThat(result.outcome()).isEqualTo(PlaybackResult.Outcome.COMPLETED);
        assertThat(events.ofKind("dead-air")).singleElement().satisfies(event -> {
            assertThat(event.severity()).isEqualTo(Severity.WARNING);
            assertThat(event.detail()).contains("broadcast-quiet", "silent for 2 s");
        });
    }

    @Test
    void aTonedBulletinIsNotDeadAir() throws Exception {
        Path wav = TestTones.wav(dir.resolve("tone.wav"), TestTones.sine(8000, 1, 2.2, 440, 0.3), 8000, 1);

        await(player(AudioSettings.alsa().withDeadAirSeconds(1)).play(request("tone", wav, Duration.ofMillis(2200))));

        assertThat(events.ofKind("dead-air")).isEmpty();
    }

    @Test
    void stopCutsPlaybackShortAndANewBulletinPlaysAfter() throws Exception {
        Path wav = TestTones.wav(dir.resolve("long.wav"), TestTones.sine(8000, 1, 30, 440, 0.3), 8000, 1);
        JavaSoundPlayer javaSound = player(AudioSettings.alsa());
        CompletableFuture<PlaybackResult> first = javaSound.play(request("long", wav, Duration.ofSeconds(30)));

        javaSound.stop();

        assertThat(await(first).outcome()).isEqualTo(PlaybackResult.Outcome.STOPPED);
        Path shortWav = TestTones.wav(dir.resolve("short.wav"), TestTones.sine(8000, 1, 0.3, 440, 0.3), 8000, 1);
        assertThat(await(javaSound.play(request("short", shortWav, Duration.ofMillis(300)))).outcome())
                .isEqualTo(PlaybackResult.Outcome.COMPLETED);
    }

    @Test
    void nowPlayingCarriesTheLevelOfTheLastSecond() throws Exception {
        Path wav = TestTones.wav(dir.resolve("level.wav"), TestTones.sine(8000, 1, 30, 440, 0.5), 8000, 1);
        JavaSoundPlayer javaSound = player(AudioSettings.alsa());
        CompletableFuture<PlaybackResult> playing = javaSound.play(request("level", wav, Duration.ofSeconds(30)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                javaSound.nowPlaying().map(now -> now.levelDbfs() != null).orElse(false));
        // A sine at half of full scale: RMS = 0.5 / sqrt(2), about -9 dBFS.
        assertThat(javaSound.nowPlaying().orElseThrow().levelDbfs()).isBetween(-10.0, -8.0);
        javaSound.stop();
        await(playing);
    }

    private static void assertThatFailsWithAudioFault(CompletableFuture<PlaybackResult> playback, String reason)
            throws Exception {
        try {
            playback.get(20, TimeUnit.SECONDS);
            fail("expected an audio fault");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AudioFault.class).hasMessageContaining(reason);
        }
    }

    private static byte[] scaled(byte[] pcm, double volume) {
        byte[] out = pcm.clone();
        for (int i = 0; i < out.length; i += 2) {
            int sample = (short) ((out[i] & 0xff) | (out[i + 1] << 8));
            int value = (int) Math.round(sample * volume);
            out[i] = (byte) value;
            out[i + 1] = (byte) (value >> 8);
        }
        return out;
    }

    private static double sumOfSquares(byte[] pcm) {
        double sum = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            sum += (double) sample * sample;
        }
        return sum;
    }
}
