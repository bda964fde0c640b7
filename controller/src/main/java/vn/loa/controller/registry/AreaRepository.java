package vn.loa.controller.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for areas. Runs inside the caller's transaction. */
final class AreaRepository {
    private static final String COLUMNS = "id, parent_id, name, code, level, created_at, updated_at";

    List<Area> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM areas ORDER BY CASE level WHEN 'province' THEN 0 "
                + "WHEN 'district' THEN 1 ELSE 2 END, name, id")) {
            return list(select);
        }
    }

    Optional<Area> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM areas WHERE id = ?")) {
            select.setLong(1, id);
            List<Area> found = list(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    boolean codeTaken(Connection connection, String code, long exceptId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM areas WHERE code = ? AND id <> ?")) {
            select.setString(1, code);
            select.setLong(2, exceptId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    long insert(Connection connection, Long parentId, String name, String code, AreaLevel level, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO areas(parent_id, name, code, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            setNullableLong(insert, 1, parentId);
            insert.setString(2, name);
            insert.setString(3, code);
            insert.setString(4, level.wireName());
            insert.setLong(5, now.toEpochMilli());
            insert.setLong(6, now.toEpochMilli());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void update(Connection connection, Area area) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE areas SET parent_id = ?, name = ?, code = ?, updated_at = ? WHERE id = ?")) {
            setNullableLong(update, 1, area.parentId());
            update.setString(2, area.name());
            update.setString(3, area.code());
            update.setLong(4, area.updatedAt().toEpochMilli());
            update.setLong(5, area.id());
            update.executeUpdate();
        }
    }

    void recordMove(Connection connection, long areaId, Long from, Long to, Instant at, String by)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO area_moves(area_id, from_parent_id, to_parent_id, moved_at, moved_by) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, areaId);
            setNullableLong(insert, 2, from);
            setNullableLong(insert, 3, to);
            insert.setLong(4, at.toEpochMilli());
            insert.setString(5, by);
            insert.executeUpdate();
        }
    }

    int childCount(Connection connection, long id) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM areas WHERE parent_id = ?", id);
    }

    int stationCount(Connection connection, long id) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM stations WHERE area_id = ?", id);
    }

    void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM area_moves WHERE area_id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM areas WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }

    private static int count(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<Area> list(PreparedStatement select) throws SQLException {
        List<Area> areas = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long parent = rows.getLong(2);
                Long parentId = rows.wasNull() ? null : parent;
                areas.add(new Area(rows.getLong(1), parentId, rows.getString(3), rows.getString(4),
                        AreaLevel.fromWire(rows.getString(5)).orElseThrow(),
                        Instant.ofEpochMilli(rows.getLong(6)), Instant.ofEpochMilli(rows.getLong(7))));
            }
        }
        return areas;
    }

    static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}
