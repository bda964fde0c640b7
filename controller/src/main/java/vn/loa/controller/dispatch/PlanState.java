package vn.loa.controller.dispatch;

import java.time.Instant;

/** The plan last computed for a station, and what the station acknowledged. */
public record PlanState(String stationId, long version, String contentHash, Instant sentAt, long ackedVersion,
                        Instant ackedAt) {
    public boolean acknowledged() {
        return ackedVersion >= version;
    }
}
