package vn.loa.agent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Plan;

/**
 * What the station was told to play: the plan it holds and the emergency announcements it holds,
 * kept as their protocol JSON so they read back exactly as they came.
 */
public final class PlanStore {
    private static final Logger log = LoggerFactory.getLogger(PlanStore.class);

    private final Database database;
    private final MessageCodec codec;

    /** {@code codec} must accept payloads as large as the plans the station receives. */
    public PlanStore(Database database, MessageCodec codec) {
        this.database = Objects.requireNonNull(database, "database");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** The plan held, if any; a stored plan that no longer decodes is logged and treated as none. */
    public Optional<Plan> load() {
        byte[] payload = database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT payload FROM plan WHERE id = 1");
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        });
        if (payload == null) {
            return Optional.empty();
        }
        Decoded<Message> decoded = codec.decode(payload);
        if (decoded instanceof Decoded.Ok<Message> ok && ok.message() instanceof Plan plan) {
            return Optional.of(plan);
        }
        log.warn("the stored plan in {} cannot be read back ({}); starting without a plan", database.file(), decoded);
        return Optional.empty();
    }

    /** Replaces the plan held. */
    public void save(Plan plan, Instant receivedAt) {
        byte[] payload = codec.encode(plan);
        database.transaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO plan(id, version, payload, received_at) VALUES (1, ?, ?, ?) "
                            + "ON CONFLICT(id) DO UPDATE SET version = excluded.version, payload = excluded.payload, "
                            + "received_at = excluded.received_at")) {
                upsert.setLong(1, plan.version());
                upsert.setBytes(2, payload);
                upsert.setLong(3, receivedAt.toEpochMilli());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** Keeps an emergency announcement (for this station only) until it is done. */
    public void holdEmergency(Emergency emergency, Instant receivedAt) {
        byte[] payload = codec.encode(emergency);
        database.transaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO emergencies("
                    + "emergency_id, payload, received_at) VALUES (?, ?, ?)")) {
                upsert.setString(1, emergency.emergencyId());
                upsert.setBytes(2, payload);
                upsert.setLong(3, receivedAt.toEpochMilli());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets an emergency announcement: ended, stopped or expired. */
    public void releaseEmergency(String emergencyId) {
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM emergencies WHERE emergency_id = ?")) {
                delete.setString(1, emergencyId);
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** The emergency announcements held, oldest first; unreadable ones are logged and left out. */
    public List<HeldEmergency> heldEmergencies() {
        List<HeldEmergency> held = new ArrayList<>();
        database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT payload, received_at FROM emergencies ORDER BY received_at");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Decoded<Message> decoded = codec.decode(rows.getBytes(1));
                    if (decoded instanceof Decoded.Ok<Message> ok && ok.message() instanceof Emergency emergency) {
                        held.add(new HeldEmergency(emergency, Instant.ofEpochMilli(rows.getLong(2))));
                    } else {
                        log.warn("a stored emergency announcement cannot be read back ({}); left out", decoded);
                    }
                }
            }
            return null;
        });
        return held;
    }
}
