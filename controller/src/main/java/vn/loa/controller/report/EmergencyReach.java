package vn.loa.controller.report;

import java.time.Instant;

/**
 * An emergency announcement triggered in the period, over the stations of the report's area:
 * how many it targeted, how many played it, and the seconds from trigger to zones on and to playing
 * (median and maximum over the stations that got there; null when none did).
 */
public record EmergencyReach(String id, String title, Instant triggeredAt, int targeted, int reached,
                             Double zonesOnMedianSeconds, Double zonesOnMaxSeconds, Double playingMedianSeconds,
                             Double playingMaxSeconds) {
}
