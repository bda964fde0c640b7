package vn.loa.agent.testutil;

import java.time.Instant;
import java.util.Optional;
import vn.loa.agent.health.SystemProbe;
import vn.loa.agent.health.SystemReading;

/** A system probe returning whatever the test sets; may be told to fail. */
public final class FakeSystemProbe implements SystemProbe {
    private volatile SystemReading reading = SystemReading.unknown();
    private volatile Instant bootTime = Instant.parse("2026-11-20T00:00:00Z");
    private volatile RuntimeException failure;

    public FakeSystemProbe reading(SystemReading newReading) {
        this.reading = newReading;
        return this;
    }

    public FakeSystemProbe bootTime(Instant instant) {
        this.bootTime = instant;
        return this;
    }

    public FakeSystemProbe failWith(RuntimeException exception) {
        this.failure = exception;
        return this;
    }

    @Override
    public SystemReading read() {
        RuntimeException toThrow = failure;
        if (toThrow != null) {
            throw toThrow;
        }
        return reading;
    }

    @Override
    public Optional<Instant> bootTime() {
        return Optional.ofNullable(bootTime);
    }

    @Override
    public String os() {
        return "Linux 6.1.0-test aarch64";
    }

    @Override
    public String javaVersion() {
        return "17.0.15+6";
    }
}
