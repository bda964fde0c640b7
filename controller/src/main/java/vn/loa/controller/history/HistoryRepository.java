package vn.loa.controller.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL behind station history: heartbeats summed up per bucket, presence changes. Read-only. */
final class HistoryRepository {

    /** The heartbeats received in [from, to), one row per bucket that has any, in time order. */
    List<HistoryPoint> points(Connection connection, String station, Instant from, Instant to, Buckets buckets)
            throws SQLException {
        List<HistoryPoint> points = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT (received_at + ?) / ? AS bucket, "
                + "COUNT(*), MAX(agent_uptime_seconds), AVG(temperature_celsius), "
                + "AVG(json_extract(playing, '$.levelDbfs')), AVG(load_average), AVG(disk_free_bytes) "
                + "FROM heartbeats WHERE station_id = ? AND received_at >= ? AND received_at < ? "
                + "GROUP BY bucket ORDER BY bucket")) {
            select.setLong(1, buckets.offsetMillis());
            select.setLong(2, buckets.sizeMillis());
            select.setString(3, station);
            select.setLong(4, from.toEpochMilli());
            select.setLong(5, to.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Double disk = real(rows, 7);
                    points.add(new HistoryPoint(buckets.start(rows.getLong(1)), rows.getInt(2), whole(rows, 3),
                            real(rows, 4), real(rows, 5), real(rows, 6), disk == null ? null : Math.round(disk)));
                }
            }
        }
        return points;
    }

    /** The presence change in force at {@code from} (if any), then every change in [from, to), in order. */
    List<PresenceMark> presence(Connection connection, String station, Instant from, Instant to) throws SQLException {
        List<PresenceMark> marks = new ArrayList<>();
        try (PreparedStatement before = connection.prepareStatement("SELECT at, presence, cause FROM presence_changes "
                + "WHERE station_id = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1")) {
            before.setString(1, station);
            before.setLong(2, from.toEpochMilli());
            read(before, marks);
        }
        try (PreparedStatement during = connection.prepareStatement("SELECT at, presence, cause FROM presence_changes "
                + "WHERE station_id = ? AND at >= ? AND at < ? ORDER BY at, id")) {
            during.setString(1, station);
            during.setLong(2, from.toEpochMilli());
            during.setLong(3, to.toEpochMilli());
            read(during, marks);
        }
        return marks;
    }

    private static void read(PreparedStatement select, List<PresenceMark> marks) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                marks.add(new PresenceMark(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2),
                        rows.getString(3)));
            }
        }
    }

    private static Long whole(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Double real(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }
}
