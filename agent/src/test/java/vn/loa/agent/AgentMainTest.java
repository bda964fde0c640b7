package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.ConfigException;

class AgentMainTest {
    @TempDir
    Path dir;
    private final List<Thread> hooks = new ArrayList<>();

    private int run(String... args) {
        CountDownLatch alreadyStopped = new CountDownLatch(0);
        return AgentMain.run(args, Clock.systemUTC(), alreadyStopped, hooks::add);
    }

    private Path config(String name, String station) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "station: " + station + "\n"
                + "dataDir: " + dir.resolve("data").resolve(station) + "\n"
                + "mqtt: { uri: 'tcp://127.0.0.1:1', reconnectMinMillis: 50 }\n");
        return file;
    }

    @Test
    void versionExitsWithZero() {
        assertThat(run("--version")).isZero();
        assertThat(hooks).isEmpty();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(run("--config")).isEqualTo(2);
        assertThat(run("--version", "--config", "a.yml")).isEqualTo(2);
    }

    @Test
    void configErrorsExitWithTwoBeforeAnyStationStarts() throws IOException {
        Path good = config("good.yml", "demo-01");

        assertThat(run("--config", good.toString(), "--config", dir.resolve("missing.yml").toString())).isEqualTo(2);

        assertThat(dir.resolve("data").resolve("demo-01")).doesNotExist();
        assertThat(hooks).isEmpty();
    }

    @Test
    void twoFilesForOneStationAreRefused() throws IOException {
        Path first = config("a.yml", "demo-01");
        Path second = config("b.yml", "demo-01");

        assertThatThrownBy(() -> AgentMain.loadAll(List.of(first, second)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(second + ": station 'demo-01' is already configured in " + first);
        assertThat(run("--config", first.toString(), "--config", second.toString())).isEqualTo(2);
    }

    @Test
    void runsOneAgentPerFileAndClosesThemWhenStopped() throws IOException {
        Path first = config("a.yml", "demo-01");
        Path second = config("b.yml", "demo-02");

        assertThat(run("--config", first.toString(), "--config", second.toString())).isZero();

        assertThat(dir.resolve("data").resolve("demo-01")).isDirectory();
        assertThat(dir.resolve("data").resolve("demo-02")).isDirectory();
        assertThat(hooks).hasSize(1);
    }

    @Test
    void parseCollectsEveryConfigFile() {
        assertThat(AgentMain.parse(new String[] {"--config", "a.yml", "--config", "b.yml"}))
                .containsExactly(Path.of("a.yml"), Path.of("b.yml"));
        assertThat(AgentMain.parse(new String[] {"--version"})).isEmpty();
    }
}
