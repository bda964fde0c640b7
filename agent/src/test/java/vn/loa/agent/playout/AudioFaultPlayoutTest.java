package vn.loa.agent.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AudioSettings;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.player.JavaSoundPlayer;
import vn.loa.agent.testutil.MutableClock;
import vn.loa.agent.testutil.PlayoutHarness;
import vn.loa.agent.testutil.Plans;
import vn.loa.agent.testutil.RecordingEvents;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.agent.testutil.TestTones;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;
import vn.loa.protocol.Severity;
import vn.loa.protocol.Zone;

/** The real player with a device that does not exist: the broadcast is reported failed, with the audio fault. */
class AudioFaultPlayoutTest {
    private static final Instant T0 = Instant.parse("2026-11-23T04:00:00Z");
    private static final AudioRef NEWS = TestAudio.of("news", 1000).ref();

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final RecordingEvents events = new RecordingEvents();
    private PlayoutHarness harness;

    @BeforeEach
    void start() {
        harness = new PlayoutHarness(dir, clock, List.of(new Zone(1, "Loa trung tâm")),
                thread -> new JavaSoundPlayer(PlayoutHarness.STATION, AudioSettings.alsa().withDevice("no-such-card"),
                        Runnable::run, clock, events));
        Path wav = TestTones.wav(dir.resolve("news.wav"), TestTones.sine(8000, 1, 1, 440, 0.5), 8000, 1);
        harness.audio().ready(NEWS.sha256(), wav);
        harness.start(PlayoutSettings.defaults());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aMissingAudioDeviceFailsTheBroadcastWithTheFaultAsItsReason() {
        harness.offer(Plans.plan(PlayoutHarness.STATION, 1, clock.instant(), Plans.broadcast("b1", T0.plusSeconds(60),
                Duration.ofSeconds(30), BulletinClass.NORMAL, List.of(1), NEWS)));

        harness.advanceTo(T0.plusSeconds(120));

        List<Receipt> receipts = harness.receiptsFor("b1");
        assertThat(receipts).extracting(Receipt::state).containsExactly(ReceiptState.STARTED, ReceiptState.FAILED);
        assertThat(receipts.get(1).reason()).startsWith("audio output failed: no audio device 'no-such-card'");
        assertThat(events.ofKind("audio-fault")).singleElement()
                .satisfies(event -> assertThat(event.severity()).isEqualTo(Severity.FAULT));
    }
}
