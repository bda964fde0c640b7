package vn.loa.controller.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.store.Database;

/**
 * Alerts in SQLite. Opening and resolving write the webhook notifications in the same transaction
 * (see {@link WebhookOutbox}); acknowledging writes its audit line in the same transaction.
 * Thread-safe: every call is one transaction.
 */
public final class AlertStore {
    private static final String COLUMNS = "id, station_id, rule, state, detail, opened_at, acknowledged_at, "
            + "acknowledged_by, resolved_at";

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final WebhookOutbox outbox;
    private volatile java.util.function.Consumer<Alert> onChange = alert -> { };

    public AlertStore(Database database, Clock clock, AuditLog audit, WebhookOutbox outbox) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Told of each alert opened, acknowledged or resolved, once stored, on the thread that changed it: return at once. */
    public void onChange(java.util.function.Consumer<Alert> listener) {
        this.onChange = Objects.requireNonNull(listener, "listener");
    }

    /** The alerts not resolved, to carry on after a restart. */
    public List<Alert> unresolved() {
        return query("SELECT " + COLUMNS + " FROM alerts WHERE state <> 'resolved' ORDER BY id", List.of());
    }

    /** Opens an alert for the condition, with its notification. */
    public Alert open(Condition condition, Instant at) {
        return changed(database.transaction(connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alerts(station_id, rule, state, "
                    + "detail, opened_at) VALUES (?, ?, 'open', ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, condition.station());
                insert.setString(2, condition.rule().wireName());
                insert.setString(3, condition.detail());
                insert.setLong(4, at.toEpochMilli());
                insert.executeUpdate();
                try (ResultSet rows = insert.getGeneratedKeys()) {
                    rows.next();
                    id = rows.getLong(1);
                }
            }
            Alert alert = new Alert(id, condition.station(), condition.rule().wireName(), Alert.OPEN,
                    condition.detail(), at, null, null, null);
            outbox.enqueue(connection, "alert.opened", alert, at);
            return alert;
        }));
    }

    /** Resolves the alert (its condition cleared), with its notification. */
    public Alert resolve(Alert alert, Instant at) {
        return changed(database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE alerts SET state = 'resolved', resolved_at = ? WHERE id = ? AND state <> 'resolved'")) {
                update.setLong(1, at.toEpochMilli());
                update.setLong(2, alert.id());
                update.executeUpdate();
            }
            Alert resolved = find(connection, alert.id()).orElseThrow();
            outbox.enqueue(connection, "alert.resolved", resolved, at);
            return resolved;
        }));
    }

    /**
     * Acknowledges an open alert; an alert acknowledged or resolved already stays as it is (the
     * first acknowledgement counts). Empty when there is no such alert.
     */
    public Optional<Alert> acknowledge(long id, String by) {
        Instant now = clock.instant();
        boolean[] acknowledged = {false};
        Optional<Alert> result = database.transaction(connection -> {
            int changed;
            try (PreparedStatement update = connection.prepareStatement("UPDATE alerts SET state = 'acknowledged', "
                    + "acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND state = 'open'")) {
                update.setLong(1, now.toEpochMilli());
                update.setString(2, by);
                update.setLong(3, id);
                changed = update.executeUpdate();
            }
            Optional<Alert> alert = find(connection, id);
            if (changed == 1 && alert.isPresent()) {
                audit.append(connection, by, "alert.acknowledge", "alert " + id,
                        Map.of("station", alert.get().station(), "rule", alert.get().rule()));
                acknowledged[0] = true;
            }
            return alert;
        });
        if (acknowledged[0]) {
            result.ifPresent(this::changed);
        }
        return result;
    }

    private Alert changed(Alert alert) {
        onChange.accept(alert);
        return alert;
    }

    public Optional<Alert> get(long id) {
        return database.read(connection -> find(connection, id));
    }

    /** Alerts matching the filter, newest first. */
    public List<Alert> list(AlertFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE 1=1");
        List<Object> arguments = new ArrayList<>();
        condition(sql, arguments, " AND state = ?", filter.state());
        condition(sql, arguments, " AND station_id = ?", filter.station());
        condition(sql, arguments, " AND rule = ?", filter.rule());
        condition(sql, arguments, " AND opened_at >= ?", filter.from() == null ? null : filter.from().toEpochMilli());
        condition(sql, arguments, " AND opened_at < ?", filter.to() == null ? null : filter.to().toEpochMilli());
        sql.append(" ORDER BY id DESC LIMIT ").append(filter.limit());
        return query(sql.toString(), arguments);
    }

    private static void condition(StringBuilder sql, List<Object> arguments, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            arguments.add(value);
        }
    }

    private List<Alert> query(String sql, List<Object> arguments) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < arguments.size(); i++) {
                    select.setObject(i + 1, arguments.get(i));
                }
                List<Alert> alerts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        alerts.add(alert(rows));
                    }
                }
                return alerts;
            }
        });
    }

    private static Optional<Alert> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(alert(rows)) : Optional.empty();
            }
        }
    }

    private static Alert alert(ResultSet rows) throws SQLException {
        return new Alert(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                Instant.ofEpochMilli(rows.getLong(6)), instant(rows, 7), rows.getString(8), instant(rows, 9));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

}
