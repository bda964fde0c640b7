package vn.loa.controller.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** SQL for the plans sent to stations. */
final class PlanRepository {

    Map<String, PlanState> all(Connection connection) throws SQLException {
        Map<String, PlanState> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT station_id, version, content_hash, sent_at, "
                + "acked_version, acked_at FROM station_plans");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                states.put(rows.getString(1), new PlanState(rows.getString(1), rows.getLong(2), rows.getString(3),
                        instant(rows, 4), rows.getLong(5), instant(rows, 6)));
            }
        }
        return states;
    }

    void save(Connection connection, PlanState state) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO station_plans(station_id, version, "
                + "content_hash, sent_at, acked_version, acked_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(station_id) "
                + "DO UPDATE SET version = excluded.version, content_hash = excluded.content_hash, "
                + "sent_at = excluded.sent_at, acked_version = excluded.acked_version, acked_at = excluded.acked_at")) {
            upsert.setString(1, state.stationId());
            upsert.setLong(2, state.version());
            upsert.setString(3, state.contentHash());
            upsert.setObject(4, state.sentAt() == null ? null : state.sentAt().toEpochMilli());
            upsert.setLong(5, state.ackedVersion());
            upsert.setObject(6, state.ackedAt() == null ? null : state.ackedAt().toEpochMilli());
            upsert.executeUpdate();
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
