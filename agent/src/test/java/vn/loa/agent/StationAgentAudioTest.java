package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.AudioSettings;
import vn.loa.agent.player.JavaSoundPlayer;
import vn.loa.agent.player.SimulatedPlayer;
import vn.loa.agent.testutil.FakeBrokerLink;
import vn.loa.agent.testutil.FakeSystemProbe;
import vn.loa.agent.testutil.MutableClock;

/** The audio output named in the config is the one the station plays through. */
class StationAgentAudioTest {
    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.at("2026-11-23T04:00:00Z");
    private StationAgent agent;

    @AfterEach
    void closeAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    private AgentConfig config() {
        return AgentConfig.of("demo-01", "tcp://fake-broker.invalid:1883", dataDir.resolve("data"));
    }

    @Test
    void simulatedAudioIsTheDefault() {
        agent = StationAgent.start(config(), clock, new FakeBrokerLink(), new FakeSystemProbe());

        assertThat(agent.player()).isInstanceOf(SimulatedPlayer.class);
    }

    @Test
    void alsaOutputPlaysThroughJavaSound() {
        agent = StationAgent.start(config().withAudio(AudioSettings.alsa().withVolume(0.7)), clock,
                new FakeBrokerLink(), new FakeSystemProbe());

        assertThat(agent.player()).isInstanceOf(JavaSoundPlayer.class);
        assertThat(agent.player().canSeek()).isTrue();
    }
}
