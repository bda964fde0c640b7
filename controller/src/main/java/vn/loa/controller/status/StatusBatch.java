package vn.loa.controller.status;

import java.util.List;

/** Everything that changed since the last flush, to be written in one transaction. */
public record StatusBatch(List<StationState> states, List<ReceivedHeartbeat> heartbeats,
                          List<PresenceChange> presenceChanges) {
    public StatusBatch {
        states = List.copyOf(states);
        heartbeats = List.copyOf(heartbeats);
        presenceChanges = List.copyOf(presenceChanges);
    }

    public boolean isEmpty() {
        return states.isEmpty() && heartbeats.isEmpty() && presenceChanges.isEmpty();
    }

    public int size() {
        return states.size() + heartbeats.size() + presenceChanges.size();
    }
}
