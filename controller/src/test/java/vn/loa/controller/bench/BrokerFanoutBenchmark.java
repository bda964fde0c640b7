package vn.loa.controller.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's own fan-out to 1,000 event-loop clients, p50/p99/max of publish → receipt
 * over 20 rounds. The numbers go to the log and to {@code target/benchmarks/broker-fanout.txt}.
 */
class BrokerFanoutBenchmark {
    private static final Logger log = LoggerFactory.getLogger(BrokerFanoutBenchmark.class);
    private static final int RECEIVERS = 1000;
    private static final int ROUNDS = 20;

    @Test
    void measuresTheBrokersFanOutToAThousandClients() throws Exception {
        Latencies fanout = BrokerFanout.measure(RECEIVERS, ROUNDS);

        assertThat(fanout.count()).isEqualTo(RECEIVERS * ROUNDS);
        String result = String.format(Locale.ROOT, "bare broker fan-out, embedded Moquette, %d subscribers, %d rounds, "
                + "%s %s: %s%n", RECEIVERS, ROUNDS, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), fanout.summary());
        log.warn("{}", result.strip());
        Path report = Path.of("target", "benchmarks", "broker-fanout.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, result);
    }
}
