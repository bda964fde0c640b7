package vn.loa.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;

/**
 * The playout state of each broadcast together with its receipts: every change of state and the
 * receipt that reports it are written in one transaction, so after a crash the station neither
 * starts a broadcast twice nor forgets a receipt.
 */
public final class PlayoutJournal {
    private final Database database;
    private final OutboxStore outbox;
    private final Consumer<Receipt> written;

    public PlayoutJournal(Database database, OutboxStore outbox) {
        this(database, outbox, receipt -> { });
    }

    /** {@code written} hears of each receipt once it is committed (for the metrics), on the caller's thread. */
    public PlayoutJournal(Database database, OutboxStore outbox, Consumer<Receipt> written) {
        this.database = Objects.requireNonNull(database, "database");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.written = Objects.requireNonNull(written, "written");
    }

    /** Every remembered broadcast, by id. */
    public Map<String, PlayoutRecord> all() {
        return database.read(connection -> {
            Map<String, PlayoutRecord> records = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT broadcast_id, bulletin_id, planned_start, state, actual_start, zones_on, interrupted_at "
                            + "FROM playout ORDER BY planned_start");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    PlayoutRecord record = new PlayoutRecord(rows.getString(1), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3)),
                            PlayoutRecord.State.valueOf(rows.getString(4).toUpperCase(Locale.ROOT)),
                            instant(rows, 5), zones(rows.getString(6)), instant(rows, 7));
                    records.put(record.broadcastId(), record);
                }
            }
            return records;
        });
    }

    /** The audio of a broadcast began: it is now {@code playing}, and its {@code started} receipt is in the outbox. */
    public void started(Receipt started) {
        require(started, ReceiptState.STARTED);
        database.transaction(connection -> {
            upsert(connection, started, PlayoutRecord.State.PLAYING);
            outbox.insert(connection, started);
            return null;
        });
        written.accept(started);
    }

    /** A broadcast ended, one way or another: it is {@code done}, and its final receipt is in the outbox. */
    public void finished(Receipt last) {
        if (!last.state().isFinal()) {
            throw new IllegalArgumentException("a final receipt is needed, got " + last.state());
        }
        database.transaction(connection -> {
            upsert(connection, last, PlayoutRecord.State.DONE);
            outbox.insert(connection, last);
            return null;
        });
        written.accept(last);
    }

    /** A clean shutdown cut a playing broadcast at {@code at}. */
    public void interrupted(String broadcastId, Instant at) {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE playout SET interrupted_at = ?, updated_at = ? WHERE broadcast_id = ? AND state = 'playing'")) {
                update.setLong(1, at.toEpochMilli());
                update.setLong(2, at.toEpochMilli());
                update.setString(3, broadcastId);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets finished broadcasts planned before {@code before}; returns how many. */
    public int forgetDoneBefore(Instant before) {
        return database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM playout WHERE state = 'done' AND planned_start < ?")) {
                delete.setLong(1, before.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }

    private static void upsert(Connection connection, Receipt receipt, PlayoutRecord.State state) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO playout(broadcast_id, bulletin_id, planned_start, state, actual_start, zones_on, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(broadcast_id) DO UPDATE SET state = excluded.state, "
                        + "actual_start = COALESCE(excluded.actual_start, playout.actual_start), "
                        + "zones_on = excluded.zones_on, updated_at = excluded.updated_at")) {
            upsert.setString(1, receipt.broadcastId());
            upsert.setString(2, receipt.bulletinId());
            upsert.setLong(3, receipt.plannedStart().toEpochMilli());
            upsert.setString(4, state.name().toLowerCase(Locale.ROOT));
            if (receipt.actualStart() == null) {
                upsert.setNull(5, Types.INTEGER);
            } else {
                upsert.setLong(5, receipt.actualStart().toEpochMilli());
            }
            upsert.setString(6, receipt.zonesOn().stream().map(String::valueOf).collect(Collectors.joining(",")));
            upsert.setLong(7, receipt.timestamp().toEpochMilli());
            upsert.executeUpdate();
        }
    }

    private static void require(Receipt receipt, ReceiptState state) {
        if (receipt.state() != state) {
            throw new IllegalArgumentException("a " + state + " receipt is needed, got " + receipt.state());
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static List<Integer> zones(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
