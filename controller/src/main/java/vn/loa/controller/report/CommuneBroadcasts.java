package vn.loa.controller.report;

import java.util.Map;

/**
 * What a commune's stations aired in a period. {@code hours}: the sum over its stations of each
 * broadcast's actual end minus actual start (so two stations airing the same hour count two
 * station-hours); {@code hoursByClass} the same per bulletin class. {@code aired}: broadcasts finished
 * or partly played; {@code bulletins}: distinct bulletins among them.
 */
public record CommuneBroadcasts(long areaId, String commune, double hours, Map<String, Double> hoursByClass,
                                int planned, int aired, int bulletins, int missed, int failed, int unconfirmed) {
    public CommuneBroadcasts {
        hoursByClass = Map.copyOf(hoursByClass);
    }
}
