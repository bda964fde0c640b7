package vn.loa.controller.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** SQL for failed logins: the count and lock of each account, the failures of each client address. */
final class LoginAttempts {

    /** Failed logins from one address since {@code startedAt}. */
    record AddressWindow(int failures, Instant startedAt) {
    }

    Optional<Instant> lockedUntil(Connection connection, long userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT locked_until FROM users WHERE id = ?")) {
            select.setLong(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long until = rows.getLong(1);
                return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
            }
        }
    }

    /** Counts one more failure of an account; returns the count. */
    int addFailure(Connection connection, long userId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?")) {
            update.setLong(1, userId);
            update.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT failed_logins FROM users WHERE id = ?")) {
            select.setLong(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    /** Locks an account until the given instant (null: unlocks it) and starts its count again. */
    void setLock(Connection connection, long userId, Instant until) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?")) {
            if (until == null) {
                update.setNull(1, Types.INTEGER);
            } else {
                update.setLong(1, until.toEpochMilli());
            }
            update.setLong(2, userId);
            update.executeUpdate();
        }
    }

    Optional<AddressWindow> addressWindow(Connection connection, String address) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT failures, window_started_at FROM login_failures_by_address WHERE address = ?")) {
            select.setString(1, address);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new AddressWindow(rows.getInt(1), Instant.ofEpochMilli(rows.getLong(2))))
                        : Optional.empty();
            }
        }
    }

    /**
     * Counts one more failure from an address in the window that began after {@code windowsFrom}
     * (an older window starts again at {@code now}); removes ended windows. Returns the count.
     */
    int addAddressFailure(Connection connection, String address, Instant now, Instant windowsFrom)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM login_failures_by_address WHERE window_started_at <= ?")) {
            delete.setLong(1, windowsFrom.toEpochMilli());
            delete.executeUpdate();
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO login_failures_by_address"
                + "(address, failures, window_started_at) VALUES (?, 1, ?) "
                + "ON CONFLICT(address) DO UPDATE SET failures = failures + 1")) {
            upsert.setString(1, address);
            upsert.setLong(2, now.toEpochMilli());
            upsert.executeUpdate();
        }
        return addressWindow(connection, address).map(AddressWindow::failures).orElse(0);
    }
}
