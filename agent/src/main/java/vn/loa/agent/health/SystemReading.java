package vn.loa.agent.health;

/** One sample of the station computer's health. Any value is null when the board cannot tell. */
public record SystemReading(
        Long osUptimeSeconds,
        Double loadAverage,
        Long memoryAvailableBytes,
        Long memoryTotalBytes,
        Long diskFreeBytes,
        Double temperatureCelsius) {

    public static SystemReading unknown() {
        return new SystemReading(null, null, null, null, null, null);
    }
}
