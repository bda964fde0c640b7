package vn.loa.controller.store;

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
 * The controller's SQLite file, in WAL mode, with migrations applied at open. One connection,
 * guarded by a lock: every access is short (the hot paths, status and heartbeats, are batched
 * in memory first), so a single writer is both simplest and what SQLite wants anyway.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
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
            int applied = Migrations.applyAll(database, clock);
            LOG.info("Database {} ready ({} migration(s) applied now, schema version {})", file, applied,
                    Migrations.latestVersion());
            return database;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
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
            throw new StoreException("database error: " + e.getMessage(), e);
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
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing database {} failed: {}", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
