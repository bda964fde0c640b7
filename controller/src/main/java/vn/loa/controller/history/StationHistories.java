package vn.loa.controller.history;

import java.time.Instant;
import java.util.Objects;
import vn.loa.controller.schedule.BroadcastTime;
import vn.loa.controller.store.Database;

/**
 * Reads stations' history (heartbeats and presence) for the console's charts. Called on API worker
 * threads; reads only what the status writer has stored (heartbeats reach the database within
 * about a second of their arrival).
 */
public final class StationHistories {
    private final Database database;
    private final HistoryRepository repository = new HistoryRepository();

    public StationHistories(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** A station's history in [from, to); the caller checks the station exists and the period's length. */
    public StationHistory of(String station, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
        Buckets buckets = Buckets.of(from, to, BroadcastTime.ZONE);
        return database.read(connection -> new StationHistory(station, from, to, buckets.size().toSeconds(),
                repository.points(connection, station, from, to, buckets),
                repository.presence(connection, station, from, to)));
    }
}
