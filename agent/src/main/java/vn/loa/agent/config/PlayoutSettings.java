package vn.loa.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the station plays its plan: zones switch on {@code warmUp} before the audio and off
 * {@code hold} after it; a start later than {@code lateTolerance} is reported missed instead of
 * played late. The YAML file gives them in whole seconds; code (tests) may use any duration.
 */
public record PlayoutSettings(Duration warmUp, Duration hold, Duration lateTolerance, AfterReboot afterReboot) {
    public static final int DEFAULT_WARM_UP_SECONDS = 3;
    public static final int DEFAULT_HOLD_SECONDS = 2;
    public static final int DEFAULT_LATE_TOLERANCE_SECONDS = 60;

    public PlayoutSettings {
        check("playout.warmUpSeconds", warmUp, Duration.ofMinutes(1));
        check("playout.holdSeconds", hold, Duration.ofMinutes(10));
        check("playout.lateToleranceSeconds", lateTolerance, Duration.ofHours(1));
        Objects.requireNonNull(afterReboot, "afterReboot");
    }

    public static PlayoutSettings defaults() {
        return new PlayoutSettings(Duration.ofSeconds(DEFAULT_WARM_UP_SECONDS), Duration.ofSeconds(DEFAULT_HOLD_SECONDS),
                Duration.ofSeconds(DEFAULT_LATE_TOLERANCE_SECONDS), AfterReboot.SKIP);
    }

    public PlayoutSettings withWarmUp(Duration duration) {
        return new PlayoutSettings(duration, hold, lateTolerance, afterReboot);
    }

    public PlayoutSettings withHold(Duration duration) {
        return new PlayoutSettings(warmUp, duration, lateTolerance, afterReboot);
    }

    public PlayoutSettings withLateTolerance(Duration duration) {
        return new PlayoutSettings(warmUp, hold, duration, afterReboot);
    }

    public PlayoutSettings withAfterReboot(AfterReboot value) {
        return new PlayoutSettings(warmUp, hold, lateTolerance, value);
    }

    private static void check(String field, Duration value, Duration max) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("field '" + field + "' must be 0.." + max.toSeconds() + ", got "
                    + value.toSeconds());
        }
    }
}
