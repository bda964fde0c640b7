package vn.loa.controller.report;

import java.time.Instant;

/** One station's progress with one emergency announcement, as stored. */
public record EmergencyStationRow(String emergencyId, String title, Instant triggeredAt, String stationId,
                                  String stage, Instant zonesOnAt, Instant playingAt) {
}
