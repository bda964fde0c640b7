package vn.loa.controller.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.store.Database;

/** Presence history as the reports read it from a real SQLite file. */
class ReportRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void theControllersDowntimeIsNotCountedAsOnline(@TempDir Path dir) {
        try (Database database = Database.open(dir.resolve("loa.db"), Clock.systemUTC())) {
            database.transaction(connection -> {
                try (PreparedStatement change = connection.prepareStatement(
                        "INSERT INTO presence_changes(station_id, presence, at, cause) VALUES (?, ?, ?, ?)");
                     PreparedStatement beat = connection.prepareStatement("INSERT INTO heartbeats(station_id, "
                             + "message_id, sent_at, received_at, agent_uptime_seconds) VALUES (?, ?, ?, ?, 1)")) {
                    insert(change, "s1", "online", T0.minusSeconds(600), "birth");
                    insert(change, "s1", "offline", T0.plusSeconds(3600), "controller restarted");
                    insert(change, "s1", "online", T0.plusSeconds(3700), "birth");
                    insert(change, "s2", "online", T0.plusSeconds(100), "birth");
                    insert(change, "s2", "offline", T0.plusSeconds(7200), "controller restarted");
                    insert(change, "s3", "online", T0.plusSeconds(100), "birth");
                    insert(change, "s3", "offline", T0.plusSeconds(200), "last will");
                    for (int minute = 0; minute <= 20; minute++) {
                        beat.setString(1, "s1");
                        beat.setString(2, "h" + minute);
                        beat.setLong(3, T0.plusSeconds(60L * minute).toEpochMilli());
                        beat.setLong(4, T0.plusSeconds(60L * minute).toEpochMilli());
                        beat.executeUpdate();
                    }
                }
                return null;
            });
            Map<String, List<PresencePoint>> points = database.read(connection ->
                    new ReportRepository().presence(connection, T0, T0.plusSeconds(86_400)));
            assertThat(points.get("s1")).containsExactly(new PresencePoint(T0.minusSeconds(600), true),
                    new PresencePoint(T0.plusSeconds(1200), false), new PresencePoint(T0.plusSeconds(3700), true));
            assertThat(points.get("s2")).as("no heartbeat: back to its birth").containsExactly(
                    new PresencePoint(T0.plusSeconds(100), true), new PresencePoint(T0.plusSeconds(100), false));
            assertThat(points.get("s3")).containsExactly(new PresencePoint(T0.plusSeconds(100), true),
                    new PresencePoint(T0.plusSeconds(200), false));
        }
    }

    private static void insert(PreparedStatement change, String station, String presence, Instant at, String cause)
            throws java.sql.SQLException {
        change.setString(1, station);
        change.setString(2, presence);
        change.setLong(3, at.toEpochMilli());
        change.setString(4, cause);
        change.executeUpdate();
    }
}
