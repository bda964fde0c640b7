package vn.loa.agent.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered schema migrations of the agent database, applied in order at open, each in its own
 * transaction and recorded in {@code schema_migrations}. A released migration is never edited:
 * add a new one. (The resource folder differs from the controller's, as both jars may share a
 * classpath in tests.)
 */
final class Migrations {
    private static final String FOLDER = "db/agent/";
    private static final List<String> FILES = List.of(
            "001_plan_playout_outbox.sql",
            "002_emergencies.sql");

    private Migrations() {
    }

    static int latestVersion() {
        return FILES.size();
    }

    static int applyAll(Database database, Clock clock) {
        database.transaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            }
            return null;
        });
        int current = database.read(Migrations::currentVersion);
        if (current > FILES.size()) {
            throw new IllegalStateException("the agent database " + database.file() + " has schema version " + current
                    + ", newer than this agent knows (" + FILES.size() + "): refusing to start");
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
        String path = FOLDER + name;
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script into statements at lines ending with ';'; lines starting with {@code --} are comments. */
    static List<String> statementsOf(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
