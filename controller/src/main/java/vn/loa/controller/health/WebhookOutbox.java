package vn.loa.controller.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.store.Database;

/**
 * Alert notifications waiting for their webhooks, in SQLite: written with the alert change they
 * announce, marked delivered once a webhook answered 2xx. {@code eventId} is the idempotency id a
 * receiver uses to drop a repeat (the same for every webhook of one notification).
 */
public final class WebhookOutbox {
    /** One notification due for one webhook. */
    public record Pending(long id, String eventId, String url, String payload, int attempts) {
    }

    private final Database database;
    private final JsonMapper mapper;
    private final List<ControllerConfig.Webhook> webhooks;

    public WebhookOutbox(Database database, JsonMapper mapper, List<ControllerConfig.Webhook> webhooks) {
        this.database = Objects.requireNonNull(database, "database");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.webhooks = List.copyOf(webhooks);
    }

    public List<ControllerConfig.Webhook> webhooks() {
        return webhooks;
    }

    /** Queues the notification of an alert change for every webhook, inside the caller's transaction. */
    void enqueue(Connection connection, String event, Alert alert, Instant at) throws SQLException {
        if (webhooks.isEmpty()) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        String payload = payload(eventId, event, alert, at);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_outbox(event_id, url, "
                + "payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)")) {
            for (ControllerConfig.Webhook webhook : webhooks) {
                insert.setString(1, eventId);
                insert.setString(2, webhook.url().toString());
                insert.setString(3, payload);
                insert.setLong(4, at.toEpochMilli());
                insert.setLong(5, at.toEpochMilli());
                insert.executeUpdate();
            }
        }
    }

    private String payload(String eventId, String event, Alert alert, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("event", event);
        body.put("at", at.toString());
        body.put("alert", alert);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert could not be written as JSON", e);
        }
    }

    /** Notifications not delivered whose next attempt is due at {@code now}, oldest first. */
    public List<Pending> due(Instant now, int limit) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, event_id, url, payload, attempts "
                    + "FROM webhook_outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?")) {
                select.setLong(1, now.toEpochMilli());
                select.setInt(2, limit);
                List<Pending> pending = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        pending.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getInt(5)));
                    }
                }
                return pending;
            }
        });
    }

    public void delivered(long id, Instant at) {
        update("UPDATE webhook_outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                at.toEpochMilli(), null, id);
    }

    public void failed(long id, Instant nextAttempt, String error) {
        update("UPDATE webhook_outbox SET next_attempt_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
                nextAttempt.toEpochMilli(), error, id);
    }

    private void update(String sql, long at, String error, long id) {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setLong(1, at);
                if (error != null) {
                    update.setString(2, error.length() > 500 ? error.substring(0, 500) : error);
                    update.setLong(3, id);
                } else {
                    update.setLong(2, id);
                }
                return update.executeUpdate();
            }
        });
    }
}
