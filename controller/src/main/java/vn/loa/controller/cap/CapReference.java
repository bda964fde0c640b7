package vn.loa.controller.cap;

import java.time.Instant;
import java.util.Objects;

/**
 * What identifies one CAP alert: its sender, identifier and sent time. CAP {@code references}
 * name earlier alerts this way, and a second copy of an alert has the same reference.
 *
 * @param sentText the sent time exactly as written, e.g. {@code 2026-09-12T05:30:00+07:00}
 * @param sent     the same time as an instant
 */
public record CapReference(String sender, String identifier, String sentText, Instant sent) {
    public CapReference {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(sentText, "sentText");
        Objects.requireNonNull(sent, "sent");
    }

    /**
     * CAP's text for the reference, {@code sender,identifier,sent} with the time as written: store
     * it to find duplicates (same key) and the alerts an Update or Cancel names.
     */
    public String key() {
        return sender + "," + identifier + "," + sentText;
    }

    /**
     * Whether both name the same alert though the sent time may be written differently
     * ({@code 05:30:00+07:00} and {@code 22:30:00-00:00} the day before): a fallback when keys differ.
     */
    public boolean sameAlertAs(CapReference other) {
        return sender.equals(other.sender) && identifier.equals(other.identifier) && sent.equals(other.sent);
    }

    @Override
    public String toString() {
        return key();
    }
}
