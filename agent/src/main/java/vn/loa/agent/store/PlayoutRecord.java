package vn.loa.agent.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the station remembers about one broadcast it has dealt with: its audio began
 * ({@link State#PLAYING}, no final receipt yet) or its final receipt is written ({@link State#DONE},
 * whether it played or not). {@code interruptedAt} is when a clean shutdown cut it short.
 */
public record PlayoutRecord(String broadcastId, String bulletinId, Instant plannedStart, State state,
                            Instant actualStart, List<Integer> zonesOn, Instant interruptedAt) {

    public enum State { PLAYING, DONE }

    public PlayoutRecord {
        Objects.requireNonNull(broadcastId, "broadcastId");
        Objects.requireNonNull(bulletinId, "bulletinId");
        Objects.requireNonNull(plannedStart, "plannedStart");
        Objects.requireNonNull(state, "state");
        zonesOn = List.copyOf(Objects.requireNonNull(zonesOn, "zonesOn"));
    }
}
