package vn.loa.controller.testutil;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A month of history for a few stations, written by SQL into a running controller's real SQLite file
 * (as the controller would have stored it): presence changes with their causes, heartbeats while
 * online, final receipts of two broadcasts a day. Keeps what it wrote so a test can compute the
 * expected figures itself, minute by minute and receipt by receipt.
 */
public final class SyntheticMonth {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A presence point as the test models it: online from {@code at} (or offline), until the next. */
    public record Point(Instant at, boolean online) {
    }

    /** A final receipt: actuals null when missed. */
    public record Aired(String station, String bulletin, String state, Instant start, Instant end) {
    }

    public final YearMonth month;
    public final Map<String, Instant> registered = new HashMap<>();
    public final Map<String, List<Point>> presence = new HashMap<>();
    public final List<Aired> receipts = new ArrayList<>();
    public final Map<String, String> bulletinClass = Map.of("ban-tin-sang", "normal", "ban-tin-chieu", "normal",
            "canh-bao-lu", "priority");
    private final Random random = new Random(20261001);

    public SyntheticMonth(YearMonth month) {
        this.month = month;
    }

    public LocalDate from() {
        return month.atDay(1);
    }

    public LocalDate to() {
        return month.plusMonths(1).atDay(1);
    }

    public Instant local(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    /** Writes the station's history; registered at {@code registeredAt} (backdated in the registry). */
    public void write(Path database, String station, Instant registeredAt, boolean withRestart) throws SQLException {
        registered.put(station, registeredAt);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            connection.createStatement().execute("PRAGMA busy_timeout = 10000");
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("UPDATE stations SET created_at = ? WHERE id = ?")) {
                update.setLong(1, registeredAt.toEpochMilli());
                update.setString(2, station);
                update.executeUpdate();
            }
            bulletins(connection);
            presence(connection, station, withRestart);
            receipts(connection, station, registeredAt);
            connection.commit();
        }
    }

    private void bulletins(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO bulletins(id, title, "
                + "bulletin_class, language, format, duration_millis, sha256, size_bytes, state, created_at, created_by) "
                + "VALUES (?, ?, ?, 'vi', 'mp3', 60000, ?, 1000, 'approved', 0, 'test')")) {
            for (Map.Entry<String, String> bulletin : bulletinClass.entrySet()) {
                insert.setString(1, bulletin.getKey());
                insert.setString(2, bulletin.getKey());
                insert.setString(3, bulletin.getValue());
                insert.setString(4, "a".repeat(64));
                insert.executeUpdate();
            }
        }
    }

    /**
     * Alternating births and last wills (or silence), minute-aligned, from before the month to after it;
     * heartbeats every 10 minutes while online. With {@code withRestart}, one offline change is the
     * controller's restart: the model counts the station online only up to its last heartbeat before it.
     */
    private void presence(Connection connection, String station, boolean withRestart) throws SQLException {
        List<Point> model = new ArrayList<>();
        Instant at = local(from(), 0, 0).minus(Duration.ofMinutes(200 + random.nextInt(600)));
        Instant end = local(to(), 0, 0).plus(Duration.ofHours(3));
        boolean online = true;
        int changes = 0;
        try (PreparedStatement change = connection.prepareStatement(
                "INSERT INTO presence_changes(station_id, presence, at, cause) VALUES (?, ?, ?, ?)");
             PreparedStatement beat = connection.prepareStatement("INSERT INTO heartbeats(station_id, message_id, "
                     + "sent_at, received_at, agent_uptime_seconds) VALUES (?, ?, ?, ?, 60)")) {
            while (at.isBefore(end)) {
                Instant next = at.plus(Duration.ofMinutes(online ? 1 + random.nextInt(3000) : 1 + random.nextInt(300)));
                String cause = online ? "birth" : changes % 4 == 1 ? "silent for more than 200 s" : "last will";
                boolean restart = !online && withRestart && changes == 7;
                if (restart) {
                    cause = "controller restarted";
                    Point since = model.get(model.size() - 1);
                    Instant lastBeat = since.at();
                    while (lastBeat.plus(Duration.ofMinutes(10)).isBefore(at)) {
                        lastBeat = lastBeat.plus(Duration.ofMinutes(10));
                    }
                    model.add(new Point(lastBeat, false));
                } else {
                    model.add(new Point(at, online));
                }
                insert(change, station, online ? "online" : "offline", at, cause);
                if (online) {
                    for (Instant b = at; b.isBefore(next); b = b.plus(Duration.ofMinutes(10))) {
                        beat.setString(1, station);
                        beat.setString(2, station + "-" + b.toEpochMilli());
                        beat.setLong(3, b.toEpochMilli());
                        beat.setLong(4, b.toEpochMilli());
                        beat.addBatch();
                    }
                    beat.executeBatch();
                }
                changes++;
                at = next;
                online = !online;
            }
        }
        presence.put(station, model);
    }

    private static void insert(PreparedStatement change, String station, String presence, Instant at, String cause)
            throws SQLException {
        change.setString(1, station);
        change.setString(2, presence);
        change.setLong(3, at.toEpochMilli());
        change.setString(4, cause);
        change.executeUpdate();
    }

    /** Two broadcasts a day from registration: 06:00 normal, 17:00 normal or (odd days) priority. */
    private void receipts(Connection connection, String station, Instant registeredAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO receipts(id, station_id, "
                + "broadcast_id, bulletin_id, state, planned_start, actual_start, actual_end, zones_on, reason, sent_at, "
                + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '1', NULL, ?, ?)")) {
            for (LocalDate day = from(); day.isBefore(to()); day = day.plusDays(1)) {
                for (int hour : new int[] {6, 17}) {
                    Instant planned = local(day, hour, 0);
                    if (planned.isBefore(registeredAt)) {
                        continue;
                    }
                    String bulletin = hour == 6 ? "ban-tin-sang" : day.getDayOfMonth() % 2 == 1 ? "canh-bao-lu"
                            : "ban-tin-chieu";
                    Aired aired = outcome(station, bulletin, planned);
                    receipts.add(aired);
                    String id = station + "@" + planned.toEpochMilli();
                    insert.setString(1, id);
                    insert.setString(2, station);
                    insert.setString(3, "schedule-" + hour + "@" + planned);
                    insert.setString(4, bulletin);
                    insert.setString(5, aired.state());
                    insert.setLong(6, planned.toEpochMilli());
                    insert.setObject(7, aired.start() == null ? null : aired.start().toEpochMilli());
                    insert.setObject(8, aired.end() == null ? null : aired.end().toEpochMilli());
                    Instant sent = aired.end() == null ? planned.plusSeconds(60) : aired.end();
                    insert.setLong(9, sent.toEpochMilli());
                    insert.setLong(10, sent.toEpochMilli());
                    insert.executeUpdate();
                }
            }
        }
    }

    private Aired outcome(String station, String bulletin, Instant planned) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return new Aired(station, bulletin, "missed", null, null);
        }
        Instant start = planned.plusMillis(random.nextInt(3000));
        long seconds = roll == 1 ? 30 + random.nextInt(120) : 300 + random.nextInt(1500);
        return new Aired(station, bulletin, roll == 1 ? "partly-played" : "finished", start,
                start.plusMillis(seconds * 1000 + random.nextInt(1000)));
    }
}
