package vn.loa.controller.bulletin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.store.Database;
import vn.loa.protocol.AudioRef;

/**
 * The bulletin library: uploads checked by decoding, stored by content, approved before they air.
 * The schedule code takes bulletins from here ({@link #requireApproved}, {@link #audioRef}).
 * Blocking (SQLite, file I/O, decoding): call it from the API executor, never the event loop.
 */
public final class BulletinService {
    private static final Logger LOG = LoggerFactory.getLogger(BulletinService.class);
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final Database database;
    private final Clock clock;
    private final AudioLibrary library;
    private final AudioInspector inspector;
    private final BulletinRepository bulletins = new BulletinRepository();
    private final SecureRandom random = new SecureRandom();

    private volatile Runnable onArchive = () -> { };

    public BulletinService(Database database, Clock clock, AudioLibrary library, AudioInspector inspector) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.library = Objects.requireNonNull(library, "library");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
    }

    /**
     * Adds an uploaded file as a draft: hashes it, decodes it to check it and measure its duration
     * (415 when it is not audio, 422 when it cannot be decoded), then moves it into the library.
     * The upload is consumed when this succeeds; the caller deletes it otherwise.
     */
    public Bulletin create(BulletinMetadata metadata, Path upload, String createdBy) {
        return create(metadata, upload, createdBy, null);
    }

    /** As {@link #create(BulletinMetadata, Path, String)}, for a bulletin of one area (null: the whole library). */
    public Bulletin create(BulletinMetadata metadata, Path upload, String createdBy, Long areaId) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(createdBy, "createdBy");
        long size = sizeOf(upload);
        if (size == 0) {
            throw ApiException.invalid("part 'file' is empty");
        }
        String sha256 = AudioLibrary.sha256(upload);
        AudioFacts facts = inspector.inspect(upload);
        library.store(upload, sha256, facts.format());
        Instant now = now();
        Bulletin created = database.transaction(connection -> {
            Bulletin bulletin = new Bulletin(newId(connection), metadata.title(), metadata.bulletinClass(),
                    metadata.language(), facts.format(), facts.durationMillis(), sha256, size, BulletinState.DRAFT,
                    now, createdBy, null, null, null, null, areaId);
            bulletins.insert(connection, bulletin);
            return bulletin;
        });
        LOG.info("Bulletin {} '{}' uploaded by {}: {} {} ms, {} bytes, sha256 {}", created.id(), created.title(),
                createdBy, facts.format().wireName(), facts.durationMillis(), size, sha256);
        return created;
    }

    /** The bulletin with this id, or a 404. */
    public Bulletin get(String id) {
        return database.read(connection -> require(connection, id));
    }

    /** The bulletin with this id, if there is one. */
    public Optional<Bulletin> find(String id) {
        Objects.requireNonNull(id, "id");
        return database.read(connection -> bulletins.find(connection, id));
    }

    /** The bulletin with this id if it is approved: a 404 when there is none, a 409 when it is a draft or archived. */
    public Bulletin requireApproved(String id) {
        Bulletin bulletin = get(id);
        if (bulletin.state() != BulletinState.APPROVED) {
            throw ApiException.conflict("bulletin '" + id + "' is " + bulletin.state().wireName()
                    + ": only approved bulletins can be scheduled");
        }
        return bulletin;
    }

    /** Bulletins matching the filter, newest first. */
    public List<Bulletin> list(BulletinFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return database.read(connection -> bulletins.matching(connection, filter));
    }

    /** Approves a draft; a 409 for any other state. */
    public Bulletin approve(String id, String by) {
        Bulletin approved = change(id, bulletin -> bulletin.approve(now(), by));
        LOG.info("Bulletin {} approved by {}", id, by);
        return approved;
    }

    /**
     * Archives a draft or an approved bulletin; a 409 when it is archived already. Its future
     * broadcasts leave the stations' plans (the listener re-plans).
     */
    public Bulletin archive(String id, String by) {
        Bulletin archived = change(id, bulletin -> bulletin.archive(now(), by));
        LOG.info("Bulletin {} archived by {}", id, by);
        onArchive.run();
        return archived;
    }

    /** Told after a bulletin is archived. */
    public void onArchive(Runnable listener) {
        this.onArchive = Objects.requireNonNull(listener, "listener");
    }

    /** Where uploads are streamed before {@link #create} takes them. */
    public Path uploadDir() {
        return library.uploadDir();
    }

    /** Where a station fetches a bulletin's audio and how it checks it. */
    public AudioRef audioRef(Bulletin bulletin) {
        return new AudioRef(bulletin.audioPath(), bulletin.sha256(), bulletin.sizeBytes(),
                bulletin.format().wireName());
    }

    /** A bulletin's audio file. */
    public StoredAudio audioOf(Bulletin bulletin) {
        return new StoredAudio(library.fileOf(bulletin.sha256(), bulletin.format()), bulletin.sha256(),
                bulletin.sizeBytes(), bulletin.format());
    }

    /** The audio file with this content, if some bulletin has it. */
    /** The bulletins whose audio is this content (uploads of the same file share it). */
    public List<Bulletin> withContent(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return List.of();
        }
        return database.read(connection -> bulletins.allWithContent(connection, sha256));
    }

    public Optional<StoredAudio> audioByContent(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return database.read(connection -> bulletins.anyWithContent(connection, sha256)).map(this::audioOf);
    }

    private Bulletin change(String id, java.util.function.UnaryOperator<Bulletin> transition) {
        return database.transaction(connection -> {
            Bulletin changed = transition.apply(require(connection, id));
            bulletins.updateState(connection, changed);
            return changed;
        });
    }

    private Bulletin require(Connection connection, String id) throws SQLException {
        return bulletins.find(connection, id).orElseThrow(() -> ApiException.notFound("no bulletin with id '"
                + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + "'"));
    }

    private String newId(Connection connection) throws SQLException {
        while (true) {
            StringBuilder id = new StringBuilder("bl-");
            for (int i = 0; i < 8; i++) {
                id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
            }
            if (!bulletins.exists(connection, id.toString())) {
                return id.toString();
            }
        }
    }

    /** Now, to the millisecond the database keeps, so that what is answered is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static long sizeOf(Path upload) {
        try {
            return Files.size(upload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload " + upload, e);
        }
    }
}
