package vn.loa.controller.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One bucket of a station's heartbeats: where it starts, how many heartbeats arrived in it, the
 * largest agent uptime reported and the averages of the readings (null when no heartbeat of the
 * bucket carried one; {@code levelDbfs} only while something played).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryPoint(Instant at, int heartbeats, Long agentUptimeSeconds, Double temperatureCelsius,
                           Double levelDbfs, Double loadAverage, Long diskFreeBytes) {
}
