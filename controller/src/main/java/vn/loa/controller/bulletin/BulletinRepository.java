package vn.loa.controller.bulletin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.loa.protocol.BulletinClass;

/** SQL for bulletins. Runs inside the caller's transaction. */
final class BulletinRepository {
    private static final String COLUMNS = "id, title, bulletin_class, language, format, duration_millis, sha256, "
            + "size_bytes, state, created_at, created_by, approved_at, approved_by, archived_at, archived_by, area_id";

    Optional<Bulletin> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM bulletins WHERE id = ?")) {
            select.setString(1, id);
            List<Bulletin> found = list(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Newest first. */
    List<Bulletin> matching(Connection connection, BulletinFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM bulletins WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        if (filter.state() != null) {
            sql.append(" AND state = ?");
            values.add(filter.state().wireName());
        }
        if (filter.bulletinClass() != null) {
            sql.append(" AND bulletin_class = ?");
            values.add(filter.bulletinClass().wireName());
        }
        if (filter.language() != null) {
            sql.append(" AND language = ?");
            values.add(filter.language());
        }
        sql.append(" ORDER BY created_at DESC, id");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setString(i + 1, values.get(i));
            }
            return list(select);
        }
    }

    /** Every bulletin with this content. */
    List<Bulletin> allWithContent(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM bulletins WHERE sha256 = ? ORDER BY created_at")) {
            select.setString(1, sha256);
            return list(select);
        }
    }

    /** Any bulletin with this content (they share one file). */
    Optional<Bulletin> anyWithContent(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM bulletins WHERE sha256 = ? ORDER BY created_at LIMIT 1")) {
            select.setString(1, sha256);
            List<Bulletin> found = list(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    boolean exists(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM bulletins WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    void insert(Connection connection, Bulletin bulletin) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bulletins(" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, bulletin.id());
            insert.setString(2, bulletin.title());
            insert.setString(3, bulletin.bulletinClass().wireName());
            insert.setString(4, bulletin.language());
            insert.setString(5, bulletin.format().wireName());
            insert.setLong(6, bulletin.durationMillis());
            insert.setString(7, bulletin.sha256());
            insert.setLong(8, bulletin.sizeBytes());
            insert.setString(9, bulletin.state().wireName());
            insert.setLong(10, bulletin.createdAt().toEpochMilli());
            insert.setString(11, bulletin.createdBy());
            setStamps(insert, 12, bulletin);
            if (bulletin.areaId() == null) {
                insert.setNull(16, Types.INTEGER);
            } else {
                insert.setLong(16, bulletin.areaId());
            }
            insert.executeUpdate();
        }
    }

    /** Writes a bulletin's state and its approval and archival stamps. */
    void updateState(Connection connection, Bulletin bulletin) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE bulletins SET state = ?, approved_at = ?, "
                + "approved_by = ?, archived_at = ?, archived_by = ? WHERE id = ?")) {
            update.setString(1, bulletin.state().wireName());
            setStamps(update, 2, bulletin);
            update.setString(6, bulletin.id());
            update.executeUpdate();
        }
    }

    /** The approval and archival stamps, in four parameters from {@code first}. */
    private static void setStamps(PreparedStatement statement, int first, Bulletin bulletin) throws SQLException {
        setInstant(statement, first, bulletin.approvedAt());
        statement.setString(first + 1, bulletin.approvedBy());
        setInstant(statement, first + 2, bulletin.archivedAt());
        statement.setString(first + 3, bulletin.archivedBy());
    }

    private static List<Bulletin> list(PreparedStatement select) throws SQLException {
        List<Bulletin> bulletins = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                bulletins.add(new Bulletin(rows.getString("id"), rows.getString("title"),
                        BulletinClass.fromWire(rows.getString("bulletin_class")).orElseThrow(),
                        rows.getString("language"), BulletinFormat.fromWire(rows.getString("format")).orElseThrow(),
                        rows.getLong("duration_millis"), rows.getString("sha256"), rows.getLong("size_bytes"),
                        BulletinState.fromWire(rows.getString("state")).orElseThrow(),
                        Instant.ofEpochMilli(rows.getLong("created_at")), rows.getString("created_by"),
                        instant(rows, "approved_at"), rows.getString("approved_by"), instant(rows, "archived_at"),
                        rows.getString("archived_by"), area(rows)));
            }
        }
        return bulletins;
    }

    private static Long area(ResultSet rows) throws SQLException {
        long area = rows.getLong("area_id");
        return rows.wasNull() ? null : area;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }
}
