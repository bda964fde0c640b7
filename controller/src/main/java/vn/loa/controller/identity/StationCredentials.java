package vn.loa.controller.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.store.Database;

/**
 * Stations' own MQTT credentials: the username is the station id, the password random (192 bits),
 * issued by the controller and shown once; only its Mosquitto-format hash is kept. Issuing again
 * rotates: the old password stops working and the station's live session is dropped. Thread-safe:
 * the broker checks logins on its own threads against an in-memory copy of the hashes.
 */
public final class StationCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(StationCredentials.class);
    private static final int PASSWORD_BYTES = 24;

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();
    private final CredentialRepository repository = new CredentialRepository();
    private final Map<String, String> hashes;
    private volatile Consumer<String> onRevoked = stationId -> { };

    public StationCredentials(Database database, Clock clock, AuditLog audit) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.hashes = new ConcurrentHashMap<>(database.read(repository::active));
    }

    /** Told of a station whose old password stopped working (rotated or retired), to drop its session. */
    public void onRevoked(Consumer<String> listener) {
        this.onRevoked = Objects.requireNonNull(listener, "listener");
    }

    /** New credentials for a registered station, replacing any it had; the password is in the answer only. */
    public MqttCredentials issue(String stationId, String actor) {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(actor, "actor");
        String password = newPassword();
        String hash = MosquittoPasswordHash.hash(password, random);
        Instant now = clock.instant();
        boolean rotated = database.transaction(connection -> {
            if (!repository.isRegistered(connection, stationId)) {
                throw ApiException.notFound("no station with id '" + stationId + "'");
            }
            boolean existed = repository.store(connection, stationId, hash, now, actor);
            audit.append(connection, actor, existed ? "station.credentials.rotate" : "station.credentials.issue",
                    stationId, Map.of("username", stationId));
            hashes.put(stationId, hash); // under the database's lock: a retirement cannot slip in between
            return existed;
        });
        if (rotated) {
            LOG.info("Station {} has new MQTT credentials (issued by {}); the old ones no longer work", stationId,
                    actor);
            revoked(stationId);
        } else {
            LOG.info("Station {} was issued its MQTT credentials by {}", stationId, actor);
        }
        return new MqttCredentials(stationId, password);
    }

    /** Takes a station's credentials away (it was retired); nothing happens when it had none. */
    public void revoke(String stationId, String actor, String reason) {
        boolean removed = database.transaction(connection -> {
            boolean existed = repository.delete(connection, stationId);
            if (existed) {
                audit.append(connection, actor, "station.credentials.revoke", stationId, Map.of("reason", reason));
            }
            hashes.remove(stationId);
            return existed;
        });
        if (removed) {
            LOG.info("Station {} lost its MQTT credentials: {}", stationId, reason);
            revoked(stationId);
        }
    }

    /** The change is made: dropping the old session is best effort and never undoes it. */
    private void revoked(String stationId) {
        try {
            onRevoked.accept(stationId);
        } catch (RuntimeException e) {
            LOG.warn("Could not drop station {}'s session after its credentials changed: {}", stationId, e.toString());
        }
    }

    /** Whether the password is the station's current one. */
    public boolean verify(String stationId, String password) {
        String hash = stationId == null ? null : hashes.get(stationId);
        return hash != null && MosquittoPasswordHash.matches(password, hash);
    }

    private String newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
