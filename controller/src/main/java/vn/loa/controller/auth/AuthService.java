package vn.loa.controller.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.store.Database;

/**
 * Logins and bearer tokens. A token is 32 random bytes; only its SHA-256 is stored. Live sessions
 * are cached in memory so that authenticating a request does not touch the database.
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final int MAX_CACHED_SESSIONS = 100_000;

    private final Database database;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final UserRepository users = new UserRepository();
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Principal> sessions = new ConcurrentHashMap<>();

    public AuthService(Database database, PasswordHasher hasher, Clock clock, Duration tokenLifetime) {
        this.database = Objects.requireNonNull(database, "database");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    }

    /** A new session for valid credentials; a 401 otherwise, the same for unknown users and wrong passwords. */
    public Session login(String username, String password) {
        Optional<UserRepository.Credentials> found = database.read(c -> users.findByUsername(c, username));
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            LOG.info("Login refused for unknown user '{}'", printable(username));
            throw ApiException.unauthorized("wrong username or password");
        }
        User user = found.get().user();
        if (!hasher.verify(password, found.get().passwordHash())) {
            LOG.info("Login refused for user '{}': wrong password", user.username());
            throw ApiException.unauthorized("wrong username or password");
        }
        if (user.disabled()) {
            LOG.info("Login refused for user '{}': account disabled", user.username());
            throw ApiException.unauthorized("this account is disabled");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(tokenLifetime);
        database.transaction(c -> {
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
            sessions.remove(key);
            throw ApiException.unauthorized("the session has expired: log in again");
        }
        Principal principal = database.read(c -> {
            Optional<UserRepository.Session> session = users.findLiveSession(c, key, now);
            if (session.isEmpty()) {
                return Optional.<Principal>empty();
            }
            return users.find(c, session.get().userId())
                    .filter(user -> !user.disabled())
                    .map(user -> new Principal(user.id(), user.username(), user.roles(), session.get().expiresAt()));
        }).orElseThrow(() -> ApiException.unauthorized("the token is unknown, expired or revoked: log in again"));
        if (sessions.size() >= MAX_CACHED_SESSIONS) {
            sessions.clear();
        }
        sessions.put(key, principal);
        return principal;
    }

    public void logout(String token) {
        String key = hashOf(token);
        sessions.remove(key);
        database.transaction(c -> {
            users.revokeSession(c, key, clock.instant());
            return null;
        });
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

    private static String printable(String username) {
        String shown = username.length() > 64 ? username.substring(0, 64) + "…" : username;
        return shown.replaceAll("\\p{Cntrl}", "?");
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
