package vn.loa.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's SQLite file ({@code dataDir/agent.db}) in WAL mode, with the numbered migrations
 * applied at open. One connection guarded by a lock: the playout thread and the agent thread
 * both use it, every access is short, and SQLite wants a single writer anyway. With
 * {@code synchronous=NORMAL} a commit does not wait for the disk, so a write on the playout
 * thread costs well under a millisecond; a power cut may lose the last commits, never corrupt.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "agent.db";
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens {@code dataDir/agent.db}, creating it and applying migrations as needed. */
    public static Database openIn(Path dataDir, Clock clock) {
        return open(dataDir.resolve(FILE_NAME), clock);
    }

    public static Database open(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA foreign_keys=ON");
                statement.execute("PRAGMA busy_timeout=5000");
            }
            Database database = new Database(file, connection);
            try {
                int applied = Migrations.applyAll(database, clock);
                log.debug("agent database {} ready ({} migration(s) applied now, schema version {})", file, applied,
                        Migrations.latestVersion());
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the agent database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs work inside a transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("agent database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs read-only work (autocommit). */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("agent database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!connection.isClosed()) {
                connection.close();
            }
        } catch (SQLException e) {
            log.warn("closing the agent database {} failed: {}", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
