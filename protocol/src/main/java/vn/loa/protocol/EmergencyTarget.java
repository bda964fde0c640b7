package vn.loa.protocol;

import java.util.List;

/** One station an emergency is for, and its zones (relay channels); no zones means every zone of the station. */
public record EmergencyTarget(String station, List<Integer> zones) {
    public EmergencyTarget {
        StationIds.require(Require.present(station, "station"));
        zones = zones == null ? List.of() : Require.list(zones, "zones", Zone.MAX_CHANNEL);
        for (int zone : zones) {
            if (zone < 1 || zone > Zone.MAX_CHANNEL) {
                throw new IllegalArgumentException("field 'zones' has channel " + zone + ", outside 1.." + Zone.MAX_CHANNEL);
            }
        }
    }
}
