package vn.loa.controller.asrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptState;

/** SQL for receipts. Inserting one that is stored already changes nothing. */
final class ReceiptRepository {

    /** Stores a receipt; false when its id was stored before. */
    boolean insert(Connection connection, Receipt receipt, Instant receivedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO receipts(id, station_id, "
                + "broadcast_id, bulletin_id, state, planned_start, actual_start, actual_end, zones_on, reason, sent_at, "
                + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, receipt.id());
            insert.setString(2, receipt.station());
            insert.setString(3, receipt.broadcastId());
            insert.setString(4, receipt.bulletinId());
            insert.setString(5, wire(receipt.state()));
            insert.setLong(6, receipt.plannedStart().toEpochMilli());
            insert.setObject(7, receipt.actualStart() == null ? null : receipt.actualStart().toEpochMilli());
            insert.setObject(8, receipt.actualEnd() == null ? null : receipt.actualEnd().toEpochMilli());
            insert.setString(9, join(receipt.zonesOn()));
            insert.setString(10, receipt.reason());
            insert.setLong(11, receipt.timestamp().toEpochMilli());
            insert.setLong(12, receivedAt.toEpochMilli());
            return insert.executeUpdate() == 1;
        }
    }

    List<StoredReceipt> between(Connection connection, Instant from, Instant to) throws SQLException {
        List<StoredReceipt> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, station_id, broadcast_id, bulletin_id, "
                + "state, planned_start, actual_start, actual_end, zones_on, reason, sent_at, received_at FROM receipts "
                + "WHERE planned_start >= ? AND planned_start < ? ORDER BY planned_start, station_id, received_at")) {
            select.setLong(1, from.toEpochMilli());
            select.setLong(2, to.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredReceipt(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), state(rows.getString(5)), Instant.ofEpochMilli(rows.getLong(6)),
                            instant(rows, 7), instant(rows, 8), split(rows.getString(9)), rows.getString(10),
                            Instant.ofEpochMilli(rows.getLong(11)), Instant.ofEpochMilli(rows.getLong(12))));
                }
            }
        }
        return found;
    }

    static String wire(ReceiptState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static ReceiptState state(String wire) {
        return ReceiptState.valueOf(wire.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    private static String join(List<Integer> zones) {
        return zones.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
    }

    private static List<Integer> split(String zones) {
        if (zones == null || zones.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(zones.split(",")).map(Integer::valueOf).toList();
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
