package vn.loa.controller.identity;

import vn.loa.controller.mqtt.RateLimitedLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.store.Database;
import vn.loa.controller.text.Printable;

/**
 * One-time enrolment tokens: staff create one for a registered station and type it into the
 * agent's configuration instead of the password; the agent exchanges it once for the station's
 * MQTT credentials ({@code POST /api/v1/enrol}). Only the token's SHA-256 is kept; a token is
 * gone once used, after {@link #LIFETIME}, or when the station is retired.
 */
public final class EnrolmentTokens {
    /** How long a token may wait for its agent. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentTokens.class);
    private static final int TOKEN_BYTES = 24;

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final StationCredentials credentials;
    private final EnrolmentRepository repository = new EnrolmentRepository();
    private final SecureRandom random = new SecureRandom();
    private final RateLimitedLog refusalLog;

    public EnrolmentTokens(Database database, Clock clock, AuditLog audit, StationCredentials credentials) {
        this.refusalLog = new RateLimitedLog(clock, java.time.Duration.ofMinutes(1));
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** A token for the station, replacing any unused one; shown only in this answer. */
    public EnrolmentToken create(String stationId, String actor) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(LIFETIME);
        database.transaction(connection -> {
            if (!repository.isRegistered(connection, stationId)) {
                throw ApiException.notFound("no station with id '" + stationId + "'");
            }
            repository.store(connection, stationId, sha256(token), expiresAt, clock.instant(), actor);
            audit.append(connection, actor, "station.enrolment.create", stationId,
                    Map.of("expiresAt", expiresAt.toString()));
            return null;
        });
        LOG.info("Enrolment token for station {} created by {}, valid until {}", stationId, actor, expiresAt);
        return new EnrolmentToken(stationId, token, expiresAt);
    }

    /** Exchanges a valid token for new credentials; the token is used up. A 401 for anything else. */
    public MqttCredentials exchange(String stationId, String token) {
        boolean valid = database.transaction(connection -> {
            boolean matches = repository.find(connection, stationId).filter(stored ->
                    MessageDigest.isEqual(stored.hash().getBytes(StandardCharsets.US_ASCII),
                            sha256(token).getBytes(StandardCharsets.US_ASCII))
                            && stored.expiresAt().isAfter(clock.instant())).isPresent();
            if (matches) {
                repository.delete(connection, stationId);
            }
            return matches;
        });
        if (!valid) {
            if (refusalLog.allow("enrolment")) {
                LOG.warn("A station presented an unknown, used or expired enrolment token for '{}' (such refusals are "
                        + "logged at most once a minute)", Printable.of(stationId, 64));
            }
            throw ApiException.unauthorized("this enrolment token is unknown, used or expired: ask for a new one "
                    + "(POST /api/v1/stations/{id}/enrolment)");
        }
        return credentials.issue(stationId, "enrolment token");
    }

    /** Forgets the station's unused token (it was retired). */
    public void revoke(String stationId) {
        database.transaction(connection -> repository.delete(connection, stationId));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
