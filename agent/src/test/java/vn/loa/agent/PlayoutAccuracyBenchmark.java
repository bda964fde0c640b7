package vn.loa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.config.AgentConfig;
import vn.loa.agent.config.PlayoutSettings;
import vn.loa.agent.testutil.FakeBrokerLink;
import vn.loa.agent.testutil.FakeSystemProbe;
import vn.loa.agent.testutil.Plans;
import vn.loa.agent.testutil.RangeFileServer;
import vn.loa.agent.testutil.TestAudio;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlannedBroadcast;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;

/**
 * The benchmark: start accuracy of 100 broadcasts at a simulated station, by the real
 * clock and the real threads, |actual - planned| p50 and p99 (goal: p99 at most 20 ms). The
 * numbers go to the log and to {@code target/benchmarks/playout-accuracy.txt}.
 */
class PlayoutAccuracyBenchmark {
    private static final Logger log = LoggerFactory.getLogger(PlayoutAccuracyBenchmark.class);
    private static final String STATION = "accuracy-it";
    private static final int BROADCASTS = 100;
    private static final Duration SPACING = Duration.ofMillis(150);
    private static final Duration LENGTH = Duration.ofMillis(60);
    private static final TestAudio CLIP = TestAudio.of("clip", 20_000);

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

    @Test
    void measuresStartAccuracyOfAHundredBroadcasts() throws IOException {
        files.serve(CLIP.path(), CLIP.bytes());
        FakeBrokerLink link = new FakeBrokerLink();
        agent = StationAgent.start(AgentConfig.of(STATION, "tcp://fake-broker.invalid:1883", dir.resolve("agent"))
                .withControllerUrl(files.url())
                .withPlayout(PlayoutSettings.defaults().withWarmUp(Duration.ofMillis(50)).withHold(Duration.ofMillis(20))),
                Clock.systemUTC(), link, new FakeSystemProbe());
        await().atMost(Duration.ofSeconds(10)).until(() -> link.connects() == 1);
        Instant first = Instant.now().plusSeconds(3);
        List<PlannedBroadcast> broadcasts = new ArrayList<>();
        for (int i = 0; i < BROADCASTS; i++) {
            broadcasts.add(Plans.normal("b-" + i, first.plus(SPACING.multipliedBy(i)), LENGTH, CLIP.ref()));
        }
        Plan plan = new Plan(MessageIds.next(), Instant.now(), STATION, 1, first.minusSeconds(60),
                first.plus(Duration.ofHours(1)), broadcasts);

        link.deliver("loa/v1/stations/" + STATION + "/commands", new MessageCodec(1024 * 1024).encode(plan));

        await().atMost(Duration.ofSeconds(60)).until(() -> receipts(link, ReceiptState.FINISHED).size() == BROADCASTS);
        List<Long> errorsMicros = receipts(link, ReceiptState.STARTED).stream()
                .map(r -> Math.abs(Duration.between(r.plannedStart(), r.actualStart()).toNanos() / 1000))
                .sorted().toList();
        assertThat(errorsMicros).hasSize(BROADCASTS);
        double p50 = errorsMicros.get(BROADCASTS / 2 - 1) / 1000.0;
        double p99 = errorsMicros.get(BROADCASTS * 99 / 100 - 1) / 1000.0;
        double max = errorsMicros.get(BROADCASTS - 1) / 1000.0;
        String result = String.format(Locale.ROOT, "playout start accuracy, %d broadcasts %d ms apart, simulated "
                + "station, %s %s: |actual - planned| p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", BROADCASTS,
                SPACING.toMillis(), System.getProperty("java.vm.name"), System.getProperty("java.version"), p50, p99, max);
        log.warn("{}", result.strip());
        Path report = Path.of("target", "benchmarks", "playout-accuracy.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, result);
    }

    private static List<Receipt> receipts(FakeBrokerLink link, ReceiptState state) {
        return link.published(m -> m instanceof Receipt r && r.state() == state).stream()
                .map(p -> (Receipt) p.message()).toList();
    }
}
