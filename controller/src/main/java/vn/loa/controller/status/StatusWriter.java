package vn.loa.controller.status;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.store.Database;
import vn.loa.controller.store.StoreException;

/**
 * Writes status batches to the database, one transaction per batch, on its own thread, so that
 * SQLite's latency never holds up message ingestion. A failed batch is logged and retried once
 * with the next one (its states are re-marked dirty by later messages; history rows are lost
 * only if the retry fails too, and that is logged).
 */
public final class StatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

    private final Database database;
    private final StatusRepository repository;
    private final Clock clock;
    private final ExecutorService writer;
    private volatile java.util.function.Consumer<StatusBatch> onWritten = batch -> { };

    public StatusWriter(Database database, StatusRepository repository, Clock clock, ExecutorService writer) {
        this.database = Objects.requireNonNull(database, "database");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Told of each batch once it is stored, on the writer's thread: return at once. */
    public void onWritten(java.util.function.Consumer<StatusBatch> listener) {
        this.onWritten = Objects.requireNonNull(listener, "listener");
    }

    /** Queues a batch for writing; returns at once. */
    public void submit(StatusBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        writer.execute(() -> write(batch, true));
    }

    /** Writes a batch on the calling thread (used at shutdown, after the writer has drained). */
    public void writeNow(StatusBatch batch) {
        if (!batch.isEmpty()) {
            write(batch, false);
        }
    }

    private void write(StatusBatch batch, boolean retry) {
        try {
            database.transaction(connection -> {
                repository.write(connection, batch, clock.instant());
                return null;
            });
            onWritten.accept(batch);
        } catch (StoreException e) {
            if (retry) {
                LOG.warn("Writing station status failed ({}); retrying once", e.getMessage());
                write(batch, false);
            } else {
                LOG.error("Station status batch of {} row(s) could not be written: {}", batch.size(), e.getMessage());
            }
        }
    }
}
