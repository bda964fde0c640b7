package vn.loa.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.condition.OS.LINUX;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.agent.testutil.MutableClock;

class LinuxSystemProbeTest {
    @TempDir
    Path dataDir;

    @Test
    @EnabledOnOs(LINUX)
    void readsSaneValuesOnThisMachine() {
        LinuxSystemProbe probe = new LinuxSystemProbe(dataDir, Clock.systemUTC());

        SystemReading reading = probe.read();

        assertThat(reading.osUptimeSeconds()).isPositive();
        assertThat(reading.memoryTotalBytes()).isPositive();
        assertThat(reading.memoryAvailableBytes()).isPositive().isLessThanOrEqualTo(reading.memoryTotalBytes());
        assertThat(reading.diskFreeBytes()).isPositive();
        if (reading.loadAverage() != null) {
            assertThat(reading.loadAverage()).isNotNegative();
        }
        if (reading.temperatureCelsius() != null) {
            assertThat(reading.temperatureCelsius()).isBetween(-40.0, 150.0);
        }
        assertThat(probe.bootTime()).hasValueSatisfying(boot -> assertThat(boot).isBefore(Instant.now()));
        assertThat(probe.os()).startsWith("Linux ");
        assertThat(probe.javaVersion()).startsWith(String.valueOf(Runtime.version().feature()));
    }

    @Test
    void readsFakeProcAndSysFiles() throws IOException {
        Path proc = Files.createDirectories(dataDir.resolve("proc"));
        Path sys = dataDir.resolve("sys");
        Files.writeString(proc.resolve("uptime"), "12345.67 45678.90\n");
        Files.writeString(proc.resolve("stat"), "cpu  1 2 3\nbtime 1763870400\nprocesses 99\n");
        Files.writeString(proc.resolve("meminfo"), """
                MemTotal:        3884836 kB
                MemFree:          201000 kB
                MemAvailable:    2920340 kB
                HugePages_Total:       0
                """);
        for (String[] zone : new String[][] {{"thermal_zone0", "48312"}, {"thermal_zone1", "51500"}, {"thermal_zone2", "-273000"}}) {
            Path directory = Files.createDirectories(sys.resolve("class/thermal").resolve(zone[0]));
            Files.writeString(directory.resolve("temp"), zone[1] + "\n");
        }
        LinuxSystemProbe probe = new LinuxSystemProbe(dataDir, MutableClock.at("2026-11-23T04:00:00Z"), proc, sys);

        SystemReading reading = probe.read();

        assertThat(reading.osUptimeSeconds()).isEqualTo(12345L);
        assertThat(reading.memoryTotalBytes()).isEqualTo(3884836L * 1024);
        assertThat(reading.memoryAvailableBytes()).isEqualTo(2920340L * 1024);
        assertThat(reading.temperatureCelsius()).as("hottest plausible zone").isEqualTo(51.5);
        assertThat(probe.bootTime()).contains(Instant.ofEpochSecond(1763870400L));
    }

    @Test
    void missingFilesGiveNullsOrFallbacksNeverExceptions() throws IOException {
        Path empty = Files.createDirectories(dataDir.resolve("empty"));
        MutableClock clock = MutableClock.at("2026-11-23T04:00:00Z");
        LinuxSystemProbe probe = new LinuxSystemProbe(dataDir.resolve("no-such-dir"), clock, empty, empty);

        SystemReading reading = probe.read();

        assertThat(reading.osUptimeSeconds()).isNull();
        assertThat(reading.diskFreeBytes()).isNull();
        assertThat(reading.temperatureCelsius()).isNull();
        assertThat(probe.bootTime()).isEmpty();
    }

    @Test
    void bootTimeFallsBackToNowMinusUptime() throws IOException {
        Path proc = Files.createDirectories(dataDir.resolve("proc"));
        Files.writeString(proc.resolve("uptime"), "3600.25 100.00\n");
        MutableClock clock = MutableClock.at("2026-11-23T04:00:00Z");
        LinuxSystemProbe probe = new LinuxSystemProbe(dataDir, clock, proc, proc);

        assertThat(probe.bootTime()).contains(Instant.parse("2026-11-23T03:00:00Z"));
    }
}
