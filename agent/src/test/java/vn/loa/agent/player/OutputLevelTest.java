package vn.loa.agent.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.agent.testutil.TestTones;

class OutputLevelTest {
    private final List<Double> levels = new ArrayList<>();
    private final List<Double> silentSeconds = new ArrayList<>();
    private final OutputLevel meter = new OutputLevel(8000, 2, -50, (level, silent) -> {
        levels.add(level);
        silentSeconds.add(silent);
    });

    private void feed(byte[] pcm) {
        // in uneven chunks, as the player reads them
        for (int at = 0; at < pcm.length; at += 1000) {
            meter.add(pcm, at, Math.min(1000, pcm.length - at));
        }
    }

    @Test
    void aFullScaleSquareWaveIsZeroDbfsAndAHalfScaleSineAboutMinusNine() {
        byte[] square = new byte[8000 * 2 * 2];
        for (int i = 0; i < square.length; i += 2) {
            int sample = (i / 40) % 2 == 0 ? 32767 : -32768;
            square[i] = (byte) sample;
            square[i + 1] = (byte) (sample >> 8);
        }
        feed(square);
        feed(TestTones.sine(8000, 2, 1, 440, 0.5));

        assertThat(levels).hasSize(2);
        assertThat(levels.get(0)).isCloseTo(0.0, within(0.01));
        assertThat(levels.get(1)).isCloseTo(20 * Math.log10(0.5 / Math.sqrt(2)), within(0.05));
    }

    @Test
    void silenceIsTheFloorAndCountsUpUntilSoundBreaksIt() {
        feed(TestTones.silence(8000, 2, 2));
        feed(TestTones.sine(8000, 2, 1, 440, 0.001)); // -63 dBFS: still silence at a -50 dB threshold
        feed(TestTones.sine(8000, 2, 1, 440, 0.3));
        feed(TestTones.silence(8000, 2, 0.5));
        meter.finish();

        assertThat(levels.get(0)).isEqualTo(OutputLevel.FLOOR_DB);
        assertThat(silentSeconds).containsExactly(1.0, 2.0, 3.0, 0.0, 0.5);
        assertThat(meter.windows()).isEqualTo(5);
        assertThat(meter.quietestDb()).isEqualTo(OutputLevel.FLOOR_DB);
        assertThat(meter.loudestDb()).isCloseTo(20 * Math.log10(0.3 / Math.sqrt(2)), within(0.05));
    }

    @Test
    void volumeScalesSamplesAndLeavesFullVolumeExact() {
        byte[] pcm = TestTones.sine(8000, 1, 0.1, 440, 1.0);
        byte[] full = pcm.clone();
        Volume.apply(full, full.length, 1.0);
        byte[] half = pcm.clone();
        Volume.apply(half, half.length, 0.5);

        assertThat(full).isEqualTo(pcm);
        assertThat(Volume.scale(32767, 0.5)).isEqualTo(16384);
        assertThat(Volume.scale(-32768, 0.5)).isEqualTo(-16384);
        assertThat(Volume.scale(1000, 0.0)).isZero();
        assertThat((short) ((half[2] & 0xff) | (half[3] << 8)))
                .isEqualTo((short) Volume.scale((short) ((pcm[2] & 0xff) | (pcm[3] << 8)), 0.5));
    }
}
