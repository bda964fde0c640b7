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

/** SQL for users, their roles and their login sessions. */
final class UserRepository {

    /** A user row with its password hash, for login only. */
    record Credentials(User user, String passwordHash) {
    }

    /** A stored session, by the hash of its token. */
    record Session(String tokenHash, long userId, Instant expiresAt) {
    }

    int count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM users");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    Optional<Credentials> findByUsername(Connection connection, String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, username, display_name, created_at, "
                + "disabled_at, password_hash FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Credentials(user(connection, rows), rows.getString(6)));
            }
        }
    }

    Optional<User> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, username, display_name, created_at, "
                + "disabled_at FROM users WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(user(connection, rows)) : Optional.empty();
            }
        }
    }

    long insert(Connection connection, String username, String displayName, String passwordHash, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users(username, display_name, "
                + "password_hash, password_changed_at, created_at) VALUES (?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, username);
            insert.setString(2, displayName);
            insert.setString(3, passwordHash);
            insert.setLong(4, now.toEpochMilli());
            insert.setLong(5, now.toEpochMilli());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void grant(Connection connection, long userId, RoleGrant grant) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO user_roles(user_id, role, area_id) VALUES (?, ?, ?)")) {
            insert.setLong(1, userId);
            insert.setString(2, grant.role());
            if (grant.areaId() == null) {
                insert.setNull(3, Types.INTEGER);
            } else {
                insert.setLong(3, grant.areaId());
            }
            insert.executeUpdate();
        }
    }

    void insertSession(Connection connection, String tokenHash, long userId, Instant now, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, tokenHash);
            insert.setLong(2, userId);
            insert.setLong(3, now.toEpochMilli());
            insert.setLong(4, expiresAt.toEpochMilli());
            insert.executeUpdate();
        }
    }

    Optional<Session> findLiveSession(Connection connection, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT user_id, expires_at FROM sessions "
                + "WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?")) {
            select.setString(1, tokenHash);
            select.setLong(2, now.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Session(tokenHash, rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2))))
                        : Optional.empty();
            }
        }
    }

    void revokeSession(Connection connection, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, tokenHash);
            update.executeUpdate();
        }
    }

    /** Revokes every live session of a user but the one with {@code exceptHash} (null: all). */
    void revokeSessionsOf(Connection connection, long userId, String exceptHash, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sessions SET revoked_at = ? "
                + "WHERE user_id = ? AND revoked_at IS NULL AND token_hash IS NOT ?")) {
            update.setLong(1, now.toEpochMilli());
            update.setLong(2, userId);
            update.setString(3, exceptHash);
            update.executeUpdate();
        }
    }

    private static User user(Connection connection, ResultSet rows) throws SQLException {
        long id = rows.getLong(1);
        long disabled = rows.getLong(5);
        Instant disabledAt = rows.wasNull() ? null : Instant.ofEpochMilli(disabled);
        return new User(id, rows.getString(2), rows.getString(3), Instant.ofEpochMilli(rows.getLong(4)), disabledAt,
                roles(connection, id));
    }

    static List<RoleGrant> roles(Connection connection, long userId) throws SQLException {
        List<RoleGrant> roles = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT role, area_id FROM user_roles WHERE user_id = ? ORDER BY role, area_id")) {
            select.setLong(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long area = rows.getLong(2);
                    Long areaId = rows.wasNull() ? null : area;
                    roles.add(new RoleGrant(rows.getString(1), areaId));
                }
            }
        }
        return roles;
    }
}
