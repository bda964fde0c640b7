package vn.loa.controller.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered schema migrations, applied in order at start, each in its own transaction and
 * recorded in {@code schema_migrations}. A migration is never edited once released: add a new one.
 */
final class Migrations {
    /** Files under {@code db/migrations/} on the classpath, in order; the number is the version. */
    private static final List<String> FILES = List.of(
            "001_foundation.sql",
            "002_bulletins.sql",
            "003_schedules.sql",
            "004_emergencies.sql",
            "005_accounts.sql",
            "006_station_identity.sql",
            "007_bulletin_areas.sql",
            "008_alerts.sql",
            "009_schedule_edits.sql");

    private Migrations() {
    }

    static int latestVersion() {
        return FILES.size();
    }

    static int applyAll(Database database, java.time.Clock clock) {
        database.transaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            }
            return null;
        });
        int current = database.read(Migrations::currentVersion);
        if (current > FILES.size()) {
            throw new IllegalStateException("database schema version " + current
                    + " is newer than this controller knows (" + FILES.size() + "): refusing to start");
        }
        int applied = 0;
        for (int version = current + 1; version <= FILES.size(); version++) {
            String name = FILES.get(version - 1);
            List<String> statements = statementsOf(load(name));
            int number = version;
            database.transaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, number);
                    insert.setString(2, name);
                    insert.setLong(3, clock.millis());
                    insert.executeUpdate();
                }
                return null;
            });
            applied++;
        }
        return applied;
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static String load(String name) {
        String path = "db/migrations/" + name;
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a script into statements at lines ending with ';', keeping {@code CREATE TRIGGER ...
     * END;} blocks whole. Lines starting with {@code --} are comments.
     */
    static List<String> statementsOf(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (current.length() == 0 && trimmed.toUpperCase(java.util.Locale.ROOT).startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            current.append(line).append('\n');
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
                statements.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
