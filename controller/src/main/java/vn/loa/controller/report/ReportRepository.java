package vn.loa.controller.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL behind the reports: read-only queries over the registry, presence history, bulletins and emergencies. */
final class ReportRepository {
    static final String CONTROLLER_RESTARTED = "controller restarted";

    List<ReportStation> stations(Connection connection) throws SQLException {
        List<ReportStation> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, area_id, name, created_at, retired_at FROM stations ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new ReportStation(rows.getString(1), rows.getLong(2), rows.getString(3),
                        Instant.ofEpochMilli(rows.getLong(4)), instant(rows, 5)));
            }
        }
        return found;
    }

    /**
     * Each station's presence points: its last change before {@code from} and its changes up to {@code to}.
     * An offline point written when the controller restarted is moved back to the station's last
     * heartbeat before it (or its last online point): while the controller was down nothing showed the
     * station was up, so that time does not count as online.
     */
    Map<String, List<PresencePoint>> presence(Connection connection, Instant from, Instant to) throws SQLException {
        Map<String, List<PresencePoint>> points = new HashMap<>();
        try (PreparedStatement before = connection.prepareStatement("SELECT station_id, presence, MAX(at) "
                + "FROM presence_changes WHERE at < ? GROUP BY station_id")) {
            before.setLong(1, from.toEpochMilli());
            try (ResultSet rows = before.executeQuery()) {
                while (rows.next()) {
                    PresencePoint last = new PresencePoint(Instant.ofEpochMilli(rows.getLong(3)),
                            "online".equals(rows.getString(2)));
                    points.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(last);
                }
            }
        }
        try (PreparedStatement during = connection.prepareStatement("SELECT station_id, presence, at, cause "
                + "FROM presence_changes WHERE at >= ? AND at < ? ORDER BY station_id, at, id");
             PreparedStatement lastBeat = connection.prepareStatement("SELECT MAX(received_at) FROM heartbeats "
                     + "WHERE station_id = ? AND received_at <= ?")) {
            during.setLong(1, from.toEpochMilli());
            during.setLong(2, to.toEpochMilli());
            try (ResultSet rows = during.executeQuery()) {
                while (rows.next()) {
                    List<PresencePoint> list = points.computeIfAbsent(rows.getString(1), id -> new ArrayList<>());
                    boolean online = "online".equals(rows.getString(2));
                    Instant at = Instant.ofEpochMilli(rows.getLong(3));
                    if (!online && CONTROLLER_RESTARTED.equals(rows.getString(4))) {
                        at = lastSighting(lastBeat, rows.getString(1), at, list);
                    }
                    list.add(new PresencePoint(at, online));
                }
            }
        }
        return points;
    }

    private static Instant lastSighting(PreparedStatement lastBeat, String station, Instant at,
                                        List<PresencePoint> earlier) throws SQLException {
        Instant sighting = earlier.isEmpty() ? at : earlier.get(earlier.size() - 1).at();
        lastBeat.setString(1, station);
        lastBeat.setLong(2, at.toEpochMilli());
        try (ResultSet rows = lastBeat.executeQuery()) {
            if (rows.next()) {
                long beat = rows.getLong(1);
                if (!rows.wasNull() && Instant.ofEpochMilli(beat).isAfter(sighting)) {
                    sighting = Instant.ofEpochMilli(beat);
                }
            }
        }
        return sighting.isAfter(at) ? at : sighting;
    }

    Map<String, String> bulletinClasses(Connection connection) throws SQLException {
        Map<String, String> classes = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, bulletin_class FROM bulletins");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                classes.put(rows.getString(1), rows.getString(2));
            }
        }
        return classes;
    }

    List<EmergencyStationRow> emergencies(Connection connection, Instant from, Instant to) throws SQLException {
        List<EmergencyStationRow> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT e.id, e.title, e.triggered_at, "
                + "s.station_id, s.stage, s.zones_on_at, s.playing_at FROM emergencies e "
                + "JOIN emergency_stations s ON s.emergency_id = e.id "
                + "WHERE e.triggered_at >= ? AND e.triggered_at < ? ORDER BY e.triggered_at, e.id, s.station_id")) {
            select.setLong(1, from.toEpochMilli());
            select.setLong(2, to.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new EmergencyStationRow(rows.getString(1), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4), rows.getString(5),
                            instant(rows, 6), instant(rows, 7)));
                }
            }
        }
        return found;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
