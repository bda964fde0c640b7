package vn.loa.controller.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void scriptIsSplitIntoStatementsKeepingTriggersWhole() {
        assertThat(Migrations.statementsOf("""
                -- comment
                CREATE TABLE a (x INTEGER);
                CREATE TRIGGER no_update BEFORE UPDATE ON a
                BEGIN
                    SELECT RAISE(ABORT, 'append-only');
                END;
                CREATE INDEX a_x ON a(x);
                """)).hasSize(3).element(1).asString().contains("RAISE").endsWith("END;");
    }

    @Test
    void migrationsApplyOnceAndTheDatabaseIsInWalMode() {
        Path file = dir.resolve("loa.db");
        Database.open(file, Clock.systemUTC()).close();
        try (Database again = Database.open(file, Clock.systemUTC())) {
            int applied = again.read(c -> {
                try (var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM schema_migrations")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            String journal = again.read(c -> {
                try (var rows = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(applied).isEqualTo(Migrations.latestVersion());
            assertThat(journal).isEqualToIgnoringCase("wal");
        }
    }
}
