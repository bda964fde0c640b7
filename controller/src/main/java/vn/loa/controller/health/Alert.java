package vn.loa.controller.health;

import java.time.Instant;
import java.util.Objects;

/** One alert: {@code state} is {@code open}, {@code acknowledged} or {@code resolved}. */
public record Alert(long id, String station, String rule, String state, String detail, Instant openedAt,
                    Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt) {
    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String RESOLVED = "resolved";

    public Alert {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
