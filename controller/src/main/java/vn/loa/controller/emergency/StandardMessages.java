package vn.loa.controller.emergency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.bulletin.Bulletin;
import vn.loa.controller.bulletin.BulletinMetadata;
import vn.loa.controller.bulletin.BulletinService;
import vn.loa.controller.bulletin.BulletinState;
import vn.loa.controller.store.Database;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Plan;

/**
 * The standard emergency messages: a key ({@code siren}, {@code flood}, {@code storm},
 * {@code evacuation}, or one a province adds) names an approved bulletin. Every station keeps
 * their audio cached (plans carry it as standby audio), so an announcement using one starts
 * without a download. The siren is built in (generated at the first start); the others are the
 * province's own recordings, set by an administrator.
 *
 * <p>Thread-safe.
 */
public final class StandardMessages {
    private static final Logger LOG = LoggerFactory.getLogger(StandardMessages.class);
    public static final String SIREN = "siren";
    /** The messages the console offers first. */
    public static final List<String> WELL_KNOWN = List.of(SIREN, "flood", "storm", "evacuation");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final int SIREN_SECONDS = 12;

    private final Database database;
    private final Clock clock;
    private final BulletinService bulletins;
    private final AuditLog audit;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Bulletin> current = Map.of();

    public StandardMessages(Database database, Clock clock, BulletinService bulletins, AuditLog audit) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bulletins = Objects.requireNonNull(bulletins, "bulletins");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Loads the messages, generating the built-in siren on the first start. */
    public void load(Path workDir) {
        reload();
        if (!current.containsKey(SIREN)) {
            Bulletin siren = generateSiren(workDir);
            save(SIREN, siren.id(), "system");
            LOG.info("Built-in siren generated as bulletin {} ({} s)", siren.id(), SIREN_SECONDS);
        }
    }

    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Key → bulletin, sorted by key. */
    public Map<String, Bulletin> all() {
        return current;
    }

    /** The bulletin of a standard message: a 404 naming the known ones when there is none. */
    public Bulletin require(String key) {
        Bulletin bulletin = current.get(key);
        if (bulletin == null) {
            throw ApiException.notFound("no standard message '" + key + "'; there are: "
                    + String.join(", ", current.keySet()));
        }
        return bulletin;
    }

    /** The audio every station keeps ready. */
    public List<AudioRef> standby() {
        List<AudioRef> audio = new ArrayList<>();
        current.values().stream().limit(Plan.MAX_STANDBY).forEach(b -> audio.add(bulletins.audioRef(b)));
        return audio;
    }

    /** Makes an approved bulletin the standard message {@code key}. */
    public synchronized Bulletin set(String key, String bulletinId, String actor) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.invalid("a standard message key is 1-32 characters of a-z, 0-9 and '-', "
                    + "starting with a letter, such as flood or storm");
        }
        if (!current.containsKey(key) && current.size() >= Plan.MAX_STANDBY) {
            throw ApiException.conflict("there are already " + Plan.MAX_STANDBY + " standard messages");
        }
        Bulletin bulletin = bulletins.get(bulletinId);
        if (bulletin.state() != BulletinState.APPROVED) {
            throw ApiException.conflict("bulletin '" + bulletinId + "' is " + bulletin.state().wireName()
                    + ": only an approved bulletin can be a standard message");
        }
        save(key, bulletinId, actor);
        listeners.forEach(Runnable::run);
        return bulletin;
    }

    private void save(String key, String bulletinId, String actor) {
        database.transaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO standard_messages("
                    + "key, bulletin_id, updated_at, updated_by) VALUES (?, ?, ?, ?)")) {
                upsert.setString(1, key);
                upsert.setString(2, bulletinId);
                upsert.setLong(3, clock.millis());
                upsert.setString(4, actor);
                upsert.executeUpdate();
            }
            audit.append(connection, actor, "standard-message.set", key, Map.of("bulletinId", bulletinId));
            return null;
        });
        reload();
    }

    private void reload() {
        Map<String, String> rows = database.read(connection -> {
            Map<String, String> found = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT key, bulletin_id FROM standard_messages");
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    found.put(result.getString(1), result.getString(2));
                }
            }
            return found;
        });
        Map<String, Bulletin> loaded = new TreeMap<>();
        rows.forEach((key, id) -> bulletins.find(id).ifPresent(bulletin -> loaded.put(key, bulletin)));
        current = java.util.Collections.unmodifiableMap(loaded);
    }

    private Bulletin generateSiren(Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path file = Files.createTempFile(workDir, "siren-", ".wav");
            try {
                SirenTone.write(file, SIREN_SECONDS);
                Bulletin created = bulletins.create(new BulletinMetadata("Còi báo động", BulletinClass.EMERGENCY,
                        "vi"), file, "system");
                return bulletins.approve(created.id(), "system");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate the built-in siren", e);
        }
    }
}
