package vn.loa.controller.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Zone;

/** SQL for station status, heartbeat history and presence changes. */
public final class StatusRepository {
    private static final TypeReference<List<Zone>> ZONES = new TypeReference<>() { };

    private final MessageCodec codec;
    private final ObjectMapper json;

    public StatusRepository(MessageCodec codec, ObjectMapper json) {
        this.codec = codec;
        this.json = json;
    }

    public List<StationState> loadAll(Connection connection) throws SQLException {
        List<StationState> states = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT station_id, presence, presence_since, "
                + "last_seen, agent_version, agent_started_at, boot_time, os, java_version, heartbeat_seconds, "
                + "reported_zones, last_heartbeat FROM station_status");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                int interval = rows.getInt(10);
                Integer heartbeatSeconds = rows.wasNull() ? null : interval;
                states.add(new StationState(rows.getString(1),
                        "online".equals(rows.getString(2)) ? Presence.ONLINE : Presence.OFFLINE,
                        instant(rows, 3), null, null, instant(rows, 4), rows.getString(5), instant(rows, 6),
                        instant(rows, 7), rows.getString(8), rows.getString(9), heartbeatSeconds,
                        zones(rows.getString(11)), heartbeat(rows.getString(12))));
            }
        }
        return states;
    }

    public void write(Connection connection, StatusBatch batch, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO station_status(station_id, "
                + "presence, presence_since, last_seen, agent_version, agent_started_at, boot_time, os, java_version, "
                + "heartbeat_seconds, reported_zones, last_heartbeat, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(station_id) DO UPDATE SET "
                + "presence = excluded.presence, presence_since = excluded.presence_since, "
                + "last_seen = excluded.last_seen, agent_version = excluded.agent_version, "
                + "agent_started_at = excluded.agent_started_at, boot_time = excluded.boot_time, os = excluded.os, "
                + "java_version = excluded.java_version, heartbeat_seconds = excluded.heartbeat_seconds, "
                + "reported_zones = excluded.reported_zones, last_heartbeat = excluded.last_heartbeat, "
                + "updated_at = excluded.updated_at")) {
            for (StationState state : batch.states()) {
                upsert.setString(1, state.stationId());
                upsert.setString(2, state.presence().wireName());
                setInstant(upsert, 3, state.presenceSince());
                setInstant(upsert, 4, state.lastSeen());
                upsert.setString(5, state.agentVersion());
                setInstant(upsert, 6, state.agentStartedAt());
                setInstant(upsert, 7, state.bootTime());
                upsert.setString(8, state.os());
                upsert.setString(9, state.javaVersion());
                if (state.heartbeatSeconds() == null) {
                    upsert.setNull(10, Types.INTEGER);
                } else {
                    upsert.setInt(10, state.heartbeatSeconds());
                }
                upsert.setString(11, state.reportedZones() == null ? null : toJson(state.reportedZones()));
                upsert.setString(12, state.lastHeartbeat() == null ? null : encode(state.lastHeartbeat()));
                upsert.setLong(13, now.toEpochMilli());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO heartbeats(station_id, message_id, "
                + "sent_at, received_at, agent_uptime_seconds, os_uptime_seconds, load_average, "
                + "memory_available_bytes, memory_total_bytes, disk_free_bytes, temperature_celsius, relays, playing) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ReceivedHeartbeat received : batch.heartbeats()) {
                Heartbeat heartbeat = received.heartbeat();
                insert.setString(1, heartbeat.station());
                insert.setString(2, heartbeat.id());
                insert.setLong(3, heartbeat.timestamp().toEpochMilli());
                insert.setLong(4, received.receivedAt().toEpochMilli());
                insert.setLong(5, heartbeat.agentUptimeSeconds());
                insert.setObject(6, heartbeat.osUptimeSeconds());
                insert.setObject(7, heartbeat.loadAverage());
                insert.setObject(8, heartbeat.memoryAvailableBytes());
                insert.setObject(9, heartbeat.memoryTotalBytes());
                insert.setObject(10, heartbeat.diskFreeBytes());
                insert.setObject(11, heartbeat.temperatureCelsius());
                insert.setString(12, toJson(heartbeat.relays()));
                insert.setString(13, heartbeat.playing() == null ? null : toJson(heartbeat.playing()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO presence_changes(station_id, presence, at, cause) VALUES (?, ?, ?, ?)")) {
            for (PresenceChange change : batch.presenceChanges()) {
                insert.setString(1, change.stationId());
                insert.setString(2, change.presence().wireName());
                insert.setLong(3, change.at().toEpochMilli());
                insert.setString(4, change.cause());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private String encode(Heartbeat heartbeat) {
        return new String(codec.encode(heartbeat), java.nio.charset.StandardCharsets.UTF_8);
    }

    private Heartbeat heartbeat(String stored) {
        if (stored == null) {
            return null;
        }
        Decoded<Message> decoded = codec.decode(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return decoded instanceof Decoded.Ok<Message> ok && ok.message() instanceof Heartbeat heartbeat
                ? heartbeat : null;
    }

    private List<Zone> zones(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, ZONES);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
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
