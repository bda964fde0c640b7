package vn.loa.controller.emergency;

import java.time.Duration;

/**
 * Defaults and limits of emergency announcements (config section {@code emergencies:}).
 * {@code confirmGrace}: how long after its end a station may still report.
 */
public record EmergencySettings(int defaultRepeat, Duration defaultValidity, Duration maxValidity, Duration warmUp,
                                Duration confirmGrace) {
    public static EmergencySettings defaults() {
        return new EmergencySettings(3, Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofSeconds(1),
                Duration.ofMinutes(2));
    }
}
