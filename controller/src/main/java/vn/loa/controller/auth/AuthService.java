package vn.loa.controller.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.store.Database;
import vn.loa.protocol.Json;

/**
 * Logins and bearer tokens. A token is 32 random bytes; only its SHA-256 is stored. Live sessions
 * are cached in memory so that authenticating a request does not touch the database; a revocation
 * (logout, a disabled account, a reset password) reaches the cache at once. Failed logins lock the
 * account and refuse the client address as {@link LoginGuard} says.
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final Database database;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final AuditLog audit;
    private final LoginGuard guard;
    private final UserRepository users = new UserRepository();
    private final SecureRandom random = new SecureRandom();
    private final SessionCache sessions = new SessionCache();

    public AuthService(Database database, PasswordHasher hasher, Clock clock, LoginPolicy policy, AuditLog audit) {
        this.database = Objects.requireNonNull(database, "database");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenLifetime = Objects.requireNonNull(policy, "policy").tokenLifetime();
        this.audit = Objects.requireNonNull(audit, "audit");
        this.guard = new LoginGuard(database, clock, policy, audit);
    }

    /** With the default lockout, auditing to the database's own audit log. */
    public AuthService(Database database, PasswordHasher hasher, Clock clock, Duration tokenLifetime) {
        this(database, hasher, clock, LoginPolicy.withDefaults(tokenLifetime),
                new AuditLog(database, clock, Json.strictMapper(64 * 1024)));
    }

    /** A login from an unknown address. */
    public Session login(String username, String password) {
        return login(username, password, null);
    }

    /**
     * A new session for valid credentials. Refused with a 401 (the same for unknown users and wrong
     * passwords), a 423 for a locked account (whatever the password) or a 429 for an address with
     * too many failed logins. {@code address}: the client's, null when unknown.
     */
    public Session login(String username, String password, String address) {
        guard.checkAddress(address);
        Optional<UserRepository.Credentials> found = database.read(c -> users.findByUsername(c, username));
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            throw guard.unknownUser(username, address);
        }
        User user = found.get().user();
        guard.checkAccount(user);
        if (!hasher.verify(password, found.get().passwordHash())) {
            throw guard.wrongPassword(user, LoginGuard.ANONYMOUS, "wrong password", address);
        }
        if (user.disabled()) {
            LOG.info("Login refused for user '{}': account disabled", user.username());
            throw guard.refused(user, "account disabled", address,
                    ApiException.unauthorized("this account is disabled"));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(tokenLifetime);
        database.transaction(c -> {
            guard.succeeded(c, user, address);
            users.insertSession(c, hashOf(token), user.id(), now, expiresAt);
            return null;
        });
        LOG.info("User '{}' logged in", user.username());
        return new Session(token, expiresAt, new Principal(user.id(), user.username(), user.roles(), expiresAt));
    }

    /** The principal behind a bearer token, or a 401. */
    public Principal authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            throw ApiException.unauthorized("a valid bearer token is required");
        }
        Instant now = clock.instant();
        String key = hashOf(token);
        Principal cached = sessions.get(key);
        if (cached != null) {
            if (cached.sessionExpiresAt().isAfter(now)) {
                return cached;
            }
            sessions.forget(key);
            throw ApiException.unauthorized("the session has expired: log in again");
        }
        long revocations = sessions.revocations();
        Principal principal = database.read(c -> {
            Optional<UserRepository.Session> session = users.findLiveSession(c, key, now);
            if (session.isEmpty()) {
                return Optional.<Principal>empty();
            }
            return users.find(c, session.get().userId())
                    .filter(user -> !user.disabled())
                    .map(user -> new Principal(user.id(), user.username(), user.roles(), session.get().expiresAt()));
        }).orElseThrow(() -> ApiException.unauthorized("the token is unknown, expired or revoked: log in again"));
        sessions.keep(key, principal, revocations);
        return principal;
    }

    /** Revokes a token (in the database first, then in the cache); audited when it was live. */
    public void logout(String token) {
        String key = hashOf(token);
        Instant now = clock.instant();
        database.transaction(c -> {
            Optional<UserRepository.Session> session = users.findLiveSession(c, key, now);
            users.revokeSession(c, key, now);
            if (session.isPresent()) {
                String username = users.find(c, session.get().userId()).map(User::username).orElse("?");
                audit.append(c, username, "auth.logout", username, Map.of());
            }
            return null;
        });
        sessions.forget(key);
    }

    /**
     * Revokes every live session of a user but {@code exceptToken} (null: all), inside the caller's
     * transaction; call {@link #forgetSessions} once it has committed.
     */
    void revokeSessions(Connection connection, long userId, String exceptToken) throws SQLException {
        users.revokeSessionsOf(connection, userId, exceptToken == null ? null : hashOf(exceptToken), clock.instant());
    }

    /** Drops a user's cached sessions, after a revocation or a change of roles has committed. */
    void forgetSessions(long userId) {
        sessions.forgetUser(userId);
    }

    LoginGuard guard() {
        return guard;
    }

    PasswordHasher hasher() {
        return hasher;
    }

    public Optional<User> user(long id) {
        return database.read(c -> users.find(c, id));
    }

    /**
     * Creates the {@code admin} account on the first start. Returns the generated password when
     * none was given (to be shown once), empty otherwise or when users exist already.
     */
    public Optional<String> bootstrapAdmin(String configuredPassword) {
        if (configuredPassword != null && configuredPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("LOA_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        String password = generated ? generatePassword() : configuredPassword;
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        boolean created = database.transaction(c -> {
            if (users.count(c) > 0) {
                return false;
            }
            long id = users.insert(c, "admin", "Administrator", hash, now);
            users.grant(c, id, new RoleGrant("admin", null));
            return true;
        });
        if (!created) {
            return Optional.empty();
        }
        LOG.info("Created the first account, 'admin'{}", generated ? " with a generated password" : "");
        return generated ? Optional.of(password) : Optional.empty();
    }

    private String generatePassword() {
        char[] alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return password.toString();
    }

    static String hashOf(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A bearer token and who it belongs to. */
    public record Session(String token, Instant expiresAt, Principal principal) {
    }
}
