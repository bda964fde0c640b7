package vn.loa.controller.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: trigger → zones-on confirmation at the controller for 1,000 stations
 * (an in-process fleet running the real agent playout), p50/p99/max over 10 rounds, next to the
 * bare broker's fan-out to the same 1,000 connections in the same run (goal: p99 at most 100 ms
 * and within 1.5 × the broker's). Asserts only that every station confirmed every round; the
 * figures go to the log and to {@code target/benchmarks/emergency-fanout.txt}.
 */
class EmergencyFanoutBenchmark {
    private static final Logger log = LoggerFactory.getLogger(EmergencyFanoutBenchmark.class);
    private static final int STATIONS = 1000;
    private static final int ROUNDS = 10;

    @TempDir
    Path dir;

    @Test
    void measuresTriggerToZonesOnAtAThousandStations() throws Exception {
        EmergencyFanout run = ControllerRun.run(EmergencyFanout.Settings.of(STATIONS, ROUNDS), dir);

        Latencies controllerPath = run.figures().get("controller: API request → zones-on recorded at controller");
        assertThat(controllerPath.count()).isEqualTo(STATIONS * ROUNDS);
        String result = String.format(Locale.ROOT, "emergency fan-out, %d stations (in-process fleet, real agent "
                + "playout), broker %s, %d rounds, emergency message of %d bytes, %s %s%n%sp99 ratio, controller path "
                + "/ bare fan-out (same size): %.2f%n", STATIONS, ControllerRun.broker(), ROUNDS, run.emergencyBytes(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), run.report(),
                ControllerRun.ratio(run.figures()));
        log.warn("{}", result.strip());
        Path report = Path.of("target", "benchmarks", "emergency-fanout.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, result);
    }
}
