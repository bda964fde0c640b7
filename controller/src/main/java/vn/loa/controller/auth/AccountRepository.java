package vn.loa.controller.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for administering accounts: listing, disabling, passwords, roles. */
final class AccountRepository {
    private static final String COLUMNS = "SELECT id, username, display_name, created_at, disabled_at, "
            + "password_changed_at, failed_logins, locked_until FROM users";

    private final UserRepository users = new UserRepository();

    List<UserAccount> all(Connection connection) throws SQLException {
        List<UserAccount> accounts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(COLUMNS + " ORDER BY username");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                accounts.add(account(connection, rows));
            }
        }
        return accounts;
    }

    Optional<UserAccount> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COLUMNS + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(account(connection, rows)) : Optional.empty();
            }
        }
    }

    /** Whether a username is taken, ignoring case (as logins do). */
    boolean usernameTaken(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    long insert(Connection connection, String username, String displayName, String passwordHash, Instant now,
                List<RoleGrant> roles) throws SQLException {
        long id = users.insert(connection, username, displayName, passwordHash, now);
        for (RoleGrant grant : roles) {
            users.grant(connection, id, grant);
        }
        return id;
    }

    /** Disables an account at {@code at}, or enables it (null). */
    void setDisabled(Connection connection, long id, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users SET disabled_at = ? WHERE id = ?")) {
            if (at == null) {
                update.setNull(1, Types.INTEGER);
            } else {
                update.setLong(1, at.toEpochMilli());
            }
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    void setPassword(Connection connection, long id, String passwordHash, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?")) {
            update.setString(1, passwordHash);
            update.setLong(2, now.toEpochMilli());
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    String passwordHash(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    void replaceRoles(Connection connection, long id, List<RoleGrant> roles) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_roles WHERE user_id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        for (RoleGrant grant : roles) {
            users.grant(connection, id, grant);
        }
    }

    /** How many enabled accounts other than {@code id} hold the admin role. */
    int enabledAdminsOtherThan(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(DISTINCT u.id) FROM users u "
                + "JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'admin' AND u.disabled_at IS NULL "
                + "AND u.id <> ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static UserAccount account(Connection connection, ResultSet rows) throws SQLException {
        long id = rows.getLong(1);
        long locked = rows.getLong(8);
        Instant lockedUntil = rows.wasNull() ? null : Instant.ofEpochMilli(locked);
        return new UserAccount(id, rows.getString(2), rows.getString(3), Instant.ofEpochMilli(rows.getLong(4)),
                instant(rows, 5), Instant.ofEpochMilli(rows.getLong(6)), UserRepository.roles(connection, id),
                rows.getInt(7), lockedUntil);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
