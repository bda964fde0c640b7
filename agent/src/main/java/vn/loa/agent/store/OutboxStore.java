package vn.loa.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import vn.loa.protocol.MessageCodec;
import vn.loa.protocol.Receipt;

/**
 * The outbox of receipts: each is stored encoded, so every re-send is the same message with the
 * same id, and stays until the controller acknowledges it. Oldest first.
 */
public final class OutboxStore {
    private final Database database;
    private final MessageCodec codec;

    public OutboxStore(Database database, MessageCodec codec) {
        this.database = Objects.requireNonNull(database, "database");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    public void add(Receipt receipt) {
        database.transaction(connection -> {
            insert(connection, receipt);
            return null;
        });
    }

    /** Inside a caller's transaction; a receipt id already present is left as it is. */
    void insert(Connection connection, Receipt receipt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO outbox(receipt_id, broadcast_id, payload, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, receipt.id());
            insert.setString(2, receipt.broadcastId());
            insert.setBytes(3, codec.encode(receipt));
            insert.setLong(4, receipt.timestamp().toEpochMilli());
            insert.executeUpdate();
        }
    }

    public List<OutboxEntry> oldest(int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, receipt_id, broadcast_id, payload FROM outbox ORDER BY seq LIMIT ?")) {
                select.setInt(1, limit);
                List<OutboxEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new OutboxEntry(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getBytes(4)));
                    }
                }
                return entries;
            }
        });
    }

    /** Removes acknowledged receipts; unknown ids are ignored. Returns how many were removed. */
    public int delete(Collection<String> receiptIds) {
        if (receiptIds.isEmpty()) {
            return 0;
        }
        return database.transaction(connection -> {
            int removed = 0;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE receipt_id = ?")) {
                for (String id : receiptIds) {
                    delete.setString(1, id);
                    removed += delete.executeUpdate();
                }
            }
            return removed;
        });
    }

    public int size() {
        return database.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM outbox");
                 ResultSet rows = count.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        });
    }
}
