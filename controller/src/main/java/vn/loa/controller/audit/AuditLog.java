package vn.loa.controller.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.store.Database;

/**
 * The append-only audit log: who triggered or stopped what, when, for which targets, and the
 * outcome. The database refuses any change or deletion of a written line (triggers in migration
 * 004). Thread-safe: every call is one SQLite statement.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() { };

    private final Database database;
    private final Clock clock;
    private final JsonMapper mapper;

    public AuditLog(Database database, Clock clock, JsonMapper mapper) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Appends a line now, in its own transaction. */
    public void append(String actor, String action, String subject, Map<String, Object> detail) {
        database.transaction(connection -> {
            append(connection, actor, action, subject, detail);
            return null;
        });
        LOG.info("Audit: {} {} {}", actor, action, subject == null ? "" : subject);
    }

    /** Appends a line inside the caller's transaction (the change and its audit line commit together). */
    public void append(Connection connection, String actor, String action, String subject, Map<String, Object> detail)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log(at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, clock.millis());
            insert.setString(2, actor);
            insert.setString(3, action);
            insert.setString(4, subject);
            insert.setString(5, encode(detail));
            insert.executeUpdate();
        }
    }

    public List<AuditEntry> read(AuditFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT seq, at, actor, action, subject, detail FROM audit_log WHERE 1=1");
        List<Object> arguments = new ArrayList<>();
        condition(sql, arguments, " AND at >= ?", filter.from() == null ? null : filter.from().toEpochMilli());
        condition(sql, arguments, " AND at < ?", filter.to() == null ? null : filter.to().toEpochMilli());
        condition(sql, arguments, " AND actor = ?", filter.actor());
        condition(sql, arguments, " AND (action = ? OR instr(action, ? || '.') = 1)", filter.action());
        condition(sql, arguments, " AND subject = ?", filter.subject());
        condition(sql, arguments, " AND seq < ?", filter.beforeSeq() > 0 ? filter.beforeSeq() : null);
        sql.append(" ORDER BY seq DESC LIMIT ").append(filter.limit());
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < arguments.size(); i++) {
                    select.setObject(i + 1, arguments.get(i));
                }
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new AuditEntry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5), decode(rows.getString(6))));
                    }
                }
                return entries;
            }
        });
    }

    private static void condition(StringBuilder sql, List<Object> arguments, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            arguments.add(value);
            if (clause.contains("instr")) {
                arguments.add(value);
            }
        }
    }

    private String encode(Map<String, Object> detail) {
        try {
            return mapper.writeValueAsString(detail == null ? Map.of() : detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail cannot be written as JSON", e);
        }
    }

    private Map<String, Object> decode(String detail) {
        try {
            return mapper.readValue(detail, DETAIL);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", detail);
        }
    }
}
