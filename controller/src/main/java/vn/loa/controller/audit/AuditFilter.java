package vn.loa.controller.audit;

import java.time.Instant;

/** Which audit entries to read: any field may be null (no condition); newest first, at most {@code limit}. */
public record AuditFilter(Instant from, Instant to, String actor, String action, String subject, long beforeSeq,
                          int limit) {
    public static final int MAX_LIMIT = 1000;

    public AuditFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}
