package vn.loa.controller.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Faults by kind (rule) for a period: how many alerts opened, how many were resolved, and the mean
 * and longest time to repair (opened to resolved) of those resolved, per station and in total.
 */
public record FaultReport(Instant from, Instant to, List<Line> stations, List<Line> totals) {

    /** One station's (or, with a null station, every station's) faults of one rule. */
    public record Line(String station, String rule, int count, int resolved, int unresolved,
                       Long meanRepairSeconds, Long maxRepairSeconds) {
    }

    /** Builds the report from the alerts opened in the period. */
    public static FaultReport of(Instant from, Instant to, Collection<Alert> alerts) {
        Map<String, Tally> byStation = new TreeMap<>();
        Map<String, Tally> byRule = new TreeMap<>();
        for (Alert alert : alerts) {
            byStation.computeIfAbsent(alert.station() + "\u0000" + alert.rule(),
                    key -> new Tally(alert.station(), alert.rule())).add(alert);
            byRule.computeIfAbsent(alert.rule(), key -> new Tally(null, alert.rule())).add(alert);
        }
        return new FaultReport(from, to, lines(byStation.values()), lines(byRule.values()));
    }

    private static List<Line> lines(Collection<Tally> tallies) {
        List<Line> lines = new ArrayList<>();
        tallies.forEach(tally -> lines.add(tally.line()));
        return lines;
    }

    private static final class Tally {
        private final String station;
        private final String rule;
        private int count;
        private int resolved;
        private long totalMillis;
        private long maxMillis;

        Tally(String station, String rule) {
            this.station = station;
            this.rule = rule;
        }

        void add(Alert alert) {
            count++;
            if (alert.resolvedAt() != null) {
                resolved++;
                long millis = Duration.between(alert.openedAt(), alert.resolvedAt()).toMillis();
                totalMillis += millis;
                maxMillis = Math.max(maxMillis, millis);
            }
        }

        Line line() {
            Long mean = resolved == 0 ? null : Math.round(totalMillis / 1000.0 / resolved);
            Long max = resolved == 0 ? null : Math.round(maxMillis / 1000.0);
            return new Line(station, rule, count, resolved, count - resolved, mean, max);
        }
    }
}
