package vn.loa.controller.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** SQL for enrolment tokens (their SHA-256 only). Runs inside the caller's transaction. */
final class EnrolmentRepository {
    record Stored(String hash, Instant expiresAt) {
    }

    void store(Connection connection, String stationId, String hash, Instant expiresAt, Instant at, String by)
            throws SQLException {
        delete(connection, stationId);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO station_enrolments(station_id, "
                + "token_hash, expires_at, created_at, created_by) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, stationId);
            insert.setString(2, hash);
            insert.setLong(3, expiresAt.toEpochMilli());
            insert.setLong(4, at.toEpochMilli());
            insert.setString(5, by);
            insert.executeUpdate();
        }
    }

    Optional<Stored> find(Connection connection, String stationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT token_hash, expires_at FROM station_enrolments WHERE station_id = ?")) {
            select.setString(1, stationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Stored(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2))))
                        : Optional.empty();
            }
        }
    }

    boolean delete(Connection connection, String stationId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM station_enrolments WHERE station_id = ?")) {
            delete.setString(1, stationId);
            return delete.executeUpdate() > 0;
        }
    }

    boolean isRegistered(Connection connection, String stationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM stations WHERE id = ? AND retired_at IS NULL")) {
            select.setString(1, stationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }
}
