package vn.loa.agent.health;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads the health of the computer the agent runs on. Best effort: a reading that fails is
 * absent (null or empty); no method throws.
 */
public interface SystemProbe {

    SystemReading read();

    /** When the operating system booted. */
    Optional<Instant> bootTime();

    /** e.g. {@code Linux 6.1.0-18-arm64 aarch64}. */
    String os();

    /** e.g. {@code 17.0.15+6-Debian-1deb12u1}. */
    String javaVersion();
}
