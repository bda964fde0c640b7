package vn.loa.controller.emergency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.loa.controller.schedule.Targets;
import vn.loa.protocol.AudioRef;

/** SQL for emergency announcements and their stations' progress. */
final class EmergencyRepository {
    private static final String COLUMNS = "id, title, bulletin_id, audio_source, audio, duration_ms, repeat_count, "
            + "risk_level, warm_up_ms, targets, state, origin, created_at, created_by, triggered_at, triggered_by, "
            + "valid_until, stopped_at, stopped_by, ended_at";

    private final JsonMapper mapper;

    EmergencyRepository(JsonMapper mapper) {
        this.mapper = mapper;
    }

    void save(Connection connection, Announcement a) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO emergencies(" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setString(1, a.id());
            upsert.setString(2, a.title());
            upsert.setString(3, a.bulletinId());
            upsert.setString(4, a.audioSource());
            upsert.setString(5, json(a.audio()));
            upsert.setLong(6, a.durationMillis());
            upsert.setInt(7, a.repeat());
            upsert.setObject(8, a.riskLevel());
            upsert.setLong(9, a.warmUpMillis());
            upsert.setString(10, json(a.targets()));
            upsert.setString(11, a.state().wireName());
            upsert.setString(12, a.origin());
            upsert.setLong(13, a.createdAt().toEpochMilli());
            upsert.setString(14, a.createdBy());
            upsert.setObject(15, millis(a.triggeredAt()));
            upsert.setString(16, a.triggeredBy());
            upsert.setLong(17, a.validUntil().toEpochMilli());
            upsert.setObject(18, millis(a.stoppedAt()));
            upsert.setString(19, a.stoppedBy());
            upsert.setObject(20, millis(a.endedAt()));
            upsert.executeUpdate();
        }
    }

    void saveStations(Connection connection, String emergencyId, Collection<StationProgress> stations)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO emergency_stations("
                + "emergency_id, station_id, zones, stage, reason, sent_at, received_at, zones_on_at, playing_at, "
                + "ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StationProgress p : stations) {
                upsert.setString(1, emergencyId);
                upsert.setString(2, p.station());
                upsert.setString(3, p.zones().stream().map(String::valueOf).collect(Collectors.joining(",")));
                upsert.setString(4, p.stage().wireName());
                upsert.setString(5, p.reason());
                upsert.setObject(6, millis(p.sentAt()));
                upsert.setObject(7, millis(p.receivedAt()));
                upsert.setObject(8, millis(p.zonesOnAt()));
                upsert.setObject(9, millis(p.playingAt()));
                upsert.setObject(10, millis(p.endedAt()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    Optional<Announcement> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM emergencies WHERE id = ?")) {
            select.setString(1, id);
            List<Announcement> found = announcements(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Newest first; {@code state} null for any. */
    List<Announcement> list(Connection connection, EmergencyState state, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM emergencies"
                + (state == null ? "" : " WHERE state = ?") + " ORDER BY created_at DESC LIMIT " + limit)) {
            if (state != null) {
                select.setString(1, state.wireName());
            }
            return announcements(select);
        }
    }

    /** Emergency id → stage → how many stations are at it, for these announcements. */
    Map<String, Map<String, Integer>> countsByStage(Connection connection, List<String> ids) throws SQLException {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT stage, COUNT(*) FROM emergency_stations "
                + "WHERE emergency_id = ? GROUP BY stage")) {
            for (String id : ids) {
                select.setString(1, id);
                Map<String, Integer> stages = new TreeMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stages.put(rows.getString(1), rows.getInt(2));
                    }
                }
                counts.put(id, stages);
            }
        }
        return counts;
    }

    List<StationProgress> stations(Connection connection, String emergencyId) throws SQLException {
        List<StationProgress> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT station_id, zones, stage, reason, sent_at, "
                + "received_at, zones_on_at, playing_at, ended_at FROM emergency_stations WHERE emergency_id = ? "
                + "ORDER BY station_id")) {
            select.setString(1, emergencyId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String zones = rows.getString(2);
                    found.add(new StationProgress(rows.getString(1), zones.isEmpty() ? List.of()
                            : Arrays.stream(zones.split(",")).map(Integer::valueOf).toList(),
                            StationStage.fromWire(rows.getString(3)).orElse(StationStage.UNCONFIRMED),
                            rows.getString(4), instant(rows, 5), instant(rows, 6), instant(rows, 7), instant(rows, 8),
                            instant(rows, 9)));
                }
            }
        }
        return found;
    }

    private List<Announcement> announcements(PreparedStatement select) throws SQLException {
        List<Announcement> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new Announcement(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        read(rows.getString(5), AudioRef.class), rows.getLong(6), rows.getInt(7),
                        (Integer) rows.getObject(8), rows.getLong(9), read(rows.getString(10), Targets.class),
                        EmergencyState.fromWire(rows.getString(11)).orElse(EmergencyState.ENDED), rows.getString(12),
                        Instant.ofEpochMilli(rows.getLong(13)), rows.getString(14), instant(rows, 15),
                        rows.getString(16), Instant.ofEpochMilli(rows.getLong(17)), instant(rows, 18),
                        rows.getString(19), instant(rows, 20)));
            }
        }
        return found;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable: " + text, e);
        }
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
