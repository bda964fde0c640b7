package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.testutil.FakeBrokerLink;
import vn.loa.agent.testutil.FakeSystemProbe;
import vn.loa.agent.testutil.Plans;
import vn.loa.agent.testutil.RangeFileServer;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Plan;

/** An agent stopped in the middle of a download resumes it with a range request after its restart. */
class AudioResumeIT {
    private static final String STATION = "resume-it";
    private static final TestAudio LONG_BULLETIN = TestAudio.of("long-bulletin", 3_000_000);

    @TempDir
    Path dir;
    private final RangeFileServer files = new RangeFileServer();
    private StationAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        files.close();
    }

    private StationAgent startAgent(FakeBrokerLink link) {
        AgentConfig config = AgentConfig.of(STATION, "tcp://fake-broker.invalid:1883", dir.resolve("agent"))
                .withControllerUrl(files.url());
        agent = StationAgent.start(config, Clock.systemUTC(), link, new FakeSystemProbe());
        return agent;
    }

    private Path part() {
        return dir.resolve("agent").resolve("cache").resolve(LONG_BULLETIN.sha256() + ".part");
    }

    @Test
    void anAgentStoppedMidDownloadResumesWithARangeRequestAfterItsRestart() throws Exception {
        files.serve(LONG_BULLETIN.path(), LONG_BULLETIN.bytes()).stallAfter(256 * 1024);
        FakeBrokerLink link = new FakeBrokerLink();
        startAgent(link);
        await().atMost(Duration.ofSeconds(10)).until(() -> link.connects() == 1);
        Instant now = Instant.now();
        Plan plan = Plans.plan(STATION, 1, now, Plans.normal("b1", now.plus(Duration.ofHours(1)),
                Duration.ofMinutes(5), LONG_BULLETIN.ref()));
        link.deliver("loa/v1/stations/" + STATION + "/commands", new MessageCodec().encode(plan));

        await("part of the file is on disk").atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(part()) && Files.size(part()) >= 256 * 1024);
        agent.close();
        long kept = Files.size(part());
        files.unstall();

        startAgent(new FakeBrokerLink());

        Path cached = dir.resolve("agent").resolve("cache").resolve(LONG_BULLETIN.sha256());
        await("the whole file is checked and in the cache").atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(cached));
        assertThat(cached).hasBinaryContent(LONG_BULLETIN.bytes());
        assertThat(kept).isPositive();
        List<RangeFileServer.Request> requests = files.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).range()).isNull();
        assertThat(requests.get(1).range()).isEqualTo("bytes=" + kept + "-");
        assertThat(requests.get(1).ifRange()).isEqualTo("\"" + LONG_BULLETIN.sha256() + "\"");
        assertThat(requests.get(1).status()).isEqualTo(206);
    }
}
