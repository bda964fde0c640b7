package vn.loa.controller.asrun;

import java.time.Instant;
import java.util.List;

/**
 * One broadcast (an occurrence of a schedule at one station) in the as-run log. {@code state} comes
 * from the station's receipts, never from the plan: {@code planned}, {@code playing},
 * {@code finished}, {@code partly-played}, {@code missed}, {@code failed}, {@code unconfirmed}
 * (over without a final receipt), or {@code skipped-quiet-hours}.
 */
public record BroadcastRow(String broadcastId, String station, String scheduleId, String bulletinId,
                           String bulletinClass, Instant plannedStart, Instant plannedEnd, List<Integer> zones,
                           String state, Instant actualStart, Instant actualEnd, List<Integer> zonesOn,
                           String reason) {
    public BroadcastRow {
        zones = zones == null ? List.of() : List.copyOf(zones);
        zonesOn = zonesOn == null ? List.of() : List.copyOf(zonesOn);
    }
}
