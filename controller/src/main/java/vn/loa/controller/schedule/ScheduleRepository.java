package vn.loa.controller.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.loa.protocol.BulletinClass;

/** SQL for schedules, their targets and the areas' quiet hours. */
final class ScheduleRepository {
    private static final String COLUMNS = "id, bulletin_id, bulletin_class, starts_local, rrule, until_local, state, "
            + "created_at, created_by, cancelled_at, replaces";

    List<Schedule> all(Connection connection) throws SQLException {
        Map<String, Targets> targets = allTargets(connection);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM schedules ORDER BY created_at, id")) {
            return list(select, targets);
        }
    }

    Optional<Schedule> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM schedules WHERE id = ?")) {
            select.setString(1, id);
            List<Schedule> found = list(select, allTargets(connection));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    void insert(Connection connection, Schedule schedule) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schedules(" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, schedule.id());
            insert.setString(2, schedule.bulletinId());
            insert.setString(3, schedule.bulletinClass().wireName());
            insert.setString(4, schedule.start().toString());
            insert.setString(5, schedule.rrule());
            insert.setString(6, schedule.until() == null ? null : schedule.until().toString());
            insert.setString(7, schedule.state());
            insert.setLong(8, schedule.createdAt().toEpochMilli());
            insert.setString(9, schedule.createdBy());
            insert.setNull(10, Types.INTEGER);
            insert.setString(11, schedule.replaces());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schedule_targets(schedule_id, kind, area_id, station_id, channel) VALUES (?, ?, ?, ?, ?)")) {
            for (long area : schedule.targets().areas()) {
                target(insert, schedule.id(), "area", area, null, null);
            }
            for (String station : schedule.targets().stations()) {
                target(insert, schedule.id(), "station", null, station, null);
            }
            for (ZoneTarget zone : schedule.targets().zones()) {
                target(insert, schedule.id(), "zone", null, zone.station(), zone.channel());
            }
            insert.executeBatch();
        }
    }

    void cancel(Connection connection, String id, Instant at, String by) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE schedules SET state = 'cancelled', cancelled_at = ?, cancelled_by = ? WHERE id = ?")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, by);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    Map<Long, QuietHours> quietHours(Connection connection) throws SQLException {
        Map<Long, QuietHours> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT area_id, starts, ends FROM area_quiet_hours");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getLong(1), new QuietHours(LocalTime.parse(rows.getString(2)),
                        LocalTime.parse(rows.getString(3))));
            }
        }
        return found;
    }

    void setQuietHours(Connection connection, long areaId, QuietHours hours) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO area_quiet_hours(area_id, starts, ends) "
                + "VALUES (?, ?, ?) ON CONFLICT(area_id) DO UPDATE SET starts = excluded.starts, ends = excluded.ends")) {
            upsert.setLong(1, areaId);
            upsert.setString(2, hours.from().toString());
            upsert.setString(3, hours.to().toString());
            upsert.executeUpdate();
        }
    }

    void clearQuietHours(Connection connection, long areaId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM area_quiet_hours WHERE area_id = ?")) {
            delete.setLong(1, areaId);
            delete.executeUpdate();
        }
    }

    private static void target(PreparedStatement insert, String id, String kind, Long area, String station,
                               Integer channel) throws SQLException {
        insert.setString(1, id);
        insert.setString(2, kind);
        insert.setObject(3, area);
        insert.setString(4, station);
        insert.setObject(5, channel);
        insert.addBatch();
    }

    private static Map<String, Targets> allTargets(Connection connection) throws SQLException {
        Map<String, List<Long>> areas = new HashMap<>();
        Map<String, List<String>> stations = new HashMap<>();
        Map<String, List<ZoneTarget>> zones = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT schedule_id, kind, area_id, station_id, channel FROM schedule_targets ORDER BY rowid");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                switch (rows.getString(2)) {
                    case "area" -> areas.computeIfAbsent(id, k -> new ArrayList<>()).add(rows.getLong(3));
                    case "station" -> stations.computeIfAbsent(id, k -> new ArrayList<>()).add(rows.getString(4));
                    default -> zones.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new ZoneTarget(rows.getString(4), rows.getInt(5)));
                }
            }
        }
        Map<String, Targets> targets = new HashMap<>();
        for (String id : union(areas.keySet(), stations.keySet(), zones.keySet())) {
            targets.put(id, new Targets(areas.getOrDefault(id, List.of()), stations.getOrDefault(id, List.of()),
                    zones.getOrDefault(id, List.of())));
        }
        return targets;
    }

    @SafeVarargs
    private static java.util.Set<String> union(java.util.Set<String>... sets) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (java.util.Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private static List<Schedule> list(PreparedStatement select, Map<String, Targets> targets) throws SQLException {
        List<Schedule> schedules = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                String until = rows.getString(6);
                long cancelled = rows.getLong(10);
                Instant cancelledAt = rows.wasNull() ? null : Instant.ofEpochMilli(cancelled);
                schedules.add(new Schedule(id, rows.getString(2), BulletinClass.fromWire(rows.getString(3)).orElseThrow(),
                        LocalDateTime.parse(rows.getString(4)), rows.getString(5),
                        until == null ? null : LocalDate.parse(until),
                        targets.getOrDefault(id, new Targets(List.of(), List.of(), List.of())), rows.getString(7),
                        Instant.ofEpochMilli(rows.getLong(8)), rows.getString(9), cancelledAt, rows.getString(11)));
            }
        }
        return schedules;
    }
}
