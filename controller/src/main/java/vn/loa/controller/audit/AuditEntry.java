package vn.loa.controller.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit log: who ({@code actor}: a user name, or {@code system}, or
 * {@code cap:<sender>}) did what ({@code action}, e.g. {@code emergency.trigger}) to what
 * ({@code subject}, e.g. an emergency id), with the details.
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String subject,
                         Map<String, Object> detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? Map.of() : detail;
    }
}
