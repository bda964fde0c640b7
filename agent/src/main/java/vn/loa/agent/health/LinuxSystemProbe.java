package vn.loa.agent.health;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SystemProbe} for Linux boards (Raspberry Pi OS, Armbian, Debian): reads {@code /proc}
 * and {@code /sys}, with the JVM's management beans as a fallback. Each reading is independent
 * and best effort; a failing one is null and is logged once at debug level. Thread-safe.
 */
public final class LinuxSystemProbe implements SystemProbe {
    private static final Logger log = LoggerFactory.getLogger(LinuxSystemProbe.class);
    private static final double MIN_PLAUSIBLE_CELSIUS = -40;
    private static final double MAX_PLAUSIBLE_CELSIUS = 150;

    private final Path dataDir;
    private final Clock clock;
    private final Path proc;
    private final Path sys;
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final Set<String> reportedFailures = ConcurrentHashMap.newKeySet();

    public LinuxSystemProbe(Path dataDir, Clock clock) {
        this(dataDir, clock, Path.of("/proc"), Path.of("/sys"));
    }

    /** With other roots than {@code /proc} and {@code /sys}, for tests. */
    public LinuxSystemProbe(Path dataDir, Clock clock, Path procRoot, Path sysRoot) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.proc = Objects.requireNonNull(procRoot, "procRoot");
        this.sys = Objects.requireNonNull(sysRoot, "sysRoot");
    }

    @Override
    public SystemReading read() {
        Map<String, Long> memory = attempt("memory", this::memInfo);
        return new SystemReading(
                attempt("uptime", this::uptimeSeconds),
                attempt("load average", this::loadAverage),
                memoryReading(memory, "MemAvailable", "available memory", this::freeMemoryFromJvm),
                memoryReading(memory, "MemTotal", "total memory", this::totalMemoryFromJvm),
                attempt("disk space", () -> Files.getFileStore(dataDir).getUsableSpace()),
                attempt("temperature", this::temperature));
    }

    @Override
    public Optional<Instant> bootTime() {
        Instant fromStat = attempt("boot time", this::bootTimeFromStat);
        if (fromStat != null) {
            return Optional.of(fromStat);
        }
        Long uptime = attempt("uptime", this::uptimeSeconds);
        return uptime == null ? Optional.empty()
                : Optional.of(clock.instant().minusSeconds(uptime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Override
    public String os() {
        return System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "")
                + " " + System.getProperty("os.arch", "");
    }

    @Override
    public String javaVersion() {
        return Runtime.version().toString();
    }

    private Long uptimeSeconds() throws IOException {
        String text = Files.readString(proc.resolve("uptime"), StandardCharsets.US_ASCII).trim();
        return (long) Double.parseDouble(text.split("\\s+")[0]);
    }

    private Instant bootTimeFromStat() throws IOException {
        for (String line : Files.readAllLines(proc.resolve("stat"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("btime ")) {
                return Instant.ofEpochSecond(Long.parseLong(line.substring(6).trim()));
            }
        }
        return null;
    }

    private Double loadAverage() {
        double load = os.getSystemLoadAverage();
        return load < 0 ? null : load;
    }

    /** {@code /proc/meminfo} in bytes, e.g. {@code MemTotal -> 25169936384}. */
    private Map<String, Long> memInfo() throws IOException {
        Map<String, Long> values = new HashMap<>();
        List<String> lines = Files.readAllLines(proc.resolve("meminfo"), StandardCharsets.US_ASCII);
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String[] parts = line.substring(colon + 1).trim().split("\\s+");
            long value = Long.parseLong(parts[0]);
            boolean kilobytes = parts.length > 1 && parts[1].equalsIgnoreCase("kB");
            values.put(line.substring(0, colon), kilobytes ? value * 1024 : value);
        }
        return values;
    }

    private Long memoryReading(Map<String, Long> memInfo, String key, String what, Callable<Long> fallback) {
        Long value = memInfo == null ? null : memInfo.get(key);
        return value != null ? value : attempt(what, fallback);
    }

    private Long freeMemoryFromJvm() {
        return os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getFreeMemorySize() : null;
    }

    private Long totalMemoryFromJvm() {
        return os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getTotalMemorySize() : null;
    }

    /** The hottest thermal zone, in °C to one decimal; null when the board has no sensor. */
    private Double temperature() throws IOException {
        Path thermal = sys.resolve("class").resolve("thermal");
        if (!Files.isDirectory(thermal)) {
            return null;
        }
        Double hottest = null;
        try (DirectoryStream<Path> zones = Files.newDirectoryStream(thermal, "thermal_zone*")) {
            for (Path zone : zones) {
                Double celsius = attempt("temperature of " + zone.getFileName(), () -> {
                    long milli = Long.parseLong(Files.readString(zone.resolve("temp"), StandardCharsets.US_ASCII).trim());
                    return milli / 1000.0;
                });
                if (celsius != null && celsius >= MIN_PLAUSIBLE_CELSIUS && celsius <= MAX_PLAUSIBLE_CELSIUS
                        && (hottest == null || celsius > hottest)) {
                    hottest = celsius;
                }
            }
        }
        return hottest == null ? null : Math.round(hottest * 10) / 10.0;
    }

    private <T> T attempt(String what, Callable<T> reading) {
        try {
            return reading.call();
        } catch (Exception | LinkageError e) {
            if (reportedFailures.add(what)) {
                log.debug("cannot read the {} of this computer: {}", what, e.toString());
            }
            return null;
        }
    }
}
