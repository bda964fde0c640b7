package vn.loa.controller.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** SQL for stations' password hashes. Runs inside the caller's transaction. */
final class CredentialRepository {

    /** Replaces the station's hash; true when it had one before (a rotation). */
    boolean store(Connection connection, String stationId, String hash, Instant at, String by) throws SQLException {
        boolean existed = delete(connection, stationId);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO station_credentials(station_id, password_hash, issued_at, issued_by) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, stationId);
            insert.setString(2, hash);
            insert.setLong(3, at.toEpochMilli());
            insert.setString(4, by);
            insert.executeUpdate();
        }
        return existed;
    }

    boolean delete(Connection connection, String stationId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM station_credentials WHERE station_id = ?")) {
            delete.setString(1, stationId);
            return delete.executeUpdate() > 0;
        }
    }

    /** Station id to hash, for stations still in the registry, by id. */
    Map<String, String> active(Connection connection) throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.station_id, c.password_hash "
                + "FROM station_credentials c JOIN stations s ON s.id = c.station_id WHERE s.retired_at IS NULL "
                + "ORDER BY c.station_id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                hashes.put(rows.getString(1), rows.getString(2));
            }
        }
        return hashes;
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
