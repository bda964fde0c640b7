package vn.loa.controller.health;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.loa.controller.asrun.BroadcastRow;
import vn.loa.controller.dispatch.PlanState;
import vn.loa.controller.status.StationState;

/** What the health rules read besides station messages: live states, plans, the as-run log. */
public interface HealthSources {
    Collection<StationState> stations();

    Optional<PlanState> plan(String station);

    /** Broadcasts planned to start in [from, to). */
    List<BroadcastRow> broadcasts(Instant from, Instant to);

    /** Sources made of three functions (the composition root's way). */
    static HealthSources of(java.util.function.Supplier<Collection<StationState>> stations,
                            java.util.function.Function<String, Optional<PlanState>> plans,
                            java.util.function.BiFunction<Instant, Instant, List<BroadcastRow>> broadcasts) {
        return new HealthSources() {
            @Override
            public Collection<StationState> stations() {
                return stations.get();
            }

            @Override
            public Optional<PlanState> plan(String station) {
                return plans.apply(station);
            }

            @Override
            public List<BroadcastRow> broadcasts(Instant from, Instant to) {
                return broadcasts.apply(from, to);
            }
        };
    }
}
