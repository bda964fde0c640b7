package vn.loa.controller.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.loa.protocol.Zone;

/** SQL for stations and their zones. Runs inside the caller's transaction. */
final class StationRepository {
    private static final String COLUMNS = "id, area_id, name, latitude, longitude, created_at, updated_at";

    List<Station> active(Connection connection) throws SQLException {
        Map<String, List<Zone>> zones = allZones(connection);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM stations WHERE retired_at IS NULL ORDER BY id")) {
            return list(select, zones);
        }
    }

    Optional<Station> findActive(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM stations WHERE id = ? AND retired_at IS NULL")) {
            select.setString(1, id);
            List<Station> found = list(select, Map.of(id, zonesOf(connection, id)));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    boolean exists(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM stations WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    void insert(Connection connection, Station station) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stations(" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, station.id());
            insert.setLong(2, station.areaId());
            insert.setString(3, station.name());
            setNullableDouble(insert, 4, station.latitude());
            setNullableDouble(insert, 5, station.longitude());
            insert.setLong(6, station.createdAt().toEpochMilli());
            insert.setLong(7, station.updatedAt().toEpochMilli());
            insert.executeUpdate();
        }
        replaceZones(connection, station.id(), station.zones());
    }

    void update(Connection connection, Station station) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE stations SET area_id = ?, name = ?, latitude = ?, longitude = ?, updated_at = ? WHERE id = ?")) {
            update.setLong(1, station.areaId());
            update.setString(2, station.name());
            setNullableDouble(update, 3, station.latitude());
            setNullableDouble(update, 4, station.longitude());
            update.setLong(5, station.updatedAt().toEpochMilli());
            update.setString(6, station.id());
            update.executeUpdate();
        }
        replaceZones(connection, station.id(), station.zones());
    }

    void retire(Connection connection, String id, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE stations SET retired_at = ?, updated_at = ? WHERE id = ?")) {
            update.setLong(1, at.toEpochMilli());
            update.setLong(2, at.toEpochMilli());
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    private void replaceZones(Connection connection, String stationId, List<Zone> zones) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM zones WHERE station_id = ?")) {
            delete.setString(1, stationId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO zones(station_id, channel, name) VALUES (?, ?, ?)")) {
            for (Zone zone : zones) {
                insert.setString(1, stationId);
                insert.setInt(2, zone.channel());
                insert.setString(3, zone.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<Zone> zonesOf(Connection connection, String stationId) throws SQLException {
        List<Zone> zones = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT channel, name FROM zones WHERE station_id = ? ORDER BY channel")) {
            select.setString(1, stationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    zones.add(new Zone(rows.getInt(1), rows.getString(2)));
                }
            }
        }
        return zones;
    }

    private Map<String, List<Zone>> allZones(Connection connection) throws SQLException {
        Map<String, List<Zone>> zones = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT station_id, channel, name FROM zones ORDER BY station_id, channel");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                zones.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                        .add(new Zone(rows.getInt(2), rows.getString(3)));
            }
        }
        return zones;
    }

    private static List<Station> list(PreparedStatement select, Map<String, List<Zone>> zones) throws SQLException {
        List<Station> stations = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                stations.add(new Station(id, rows.getLong(2), rows.getString(3), nullableDouble(rows, 4),
                        nullableDouble(rows, 5), zones.getOrDefault(id, List.of()),
                        Instant.ofEpochMilli(rows.getLong(6)), Instant.ofEpochMilli(rows.getLong(7))));
            }
        }
        return stations;
    }

    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static void setNullableDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }
}
