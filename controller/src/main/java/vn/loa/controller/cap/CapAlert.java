package vn.loa.controller.cap;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A CAP 1.2 {@code alert}, as read by {@link CapParser}.
 *
 * @param sent       when the sender sent it
 * @param sentText   the sent time exactly as written, for {@link #reference()}
 * @param note       the {@code note}, often the reason for a Cancel; null when absent
 * @param references the earlier alerts an Update or Cancel is about, in the order written
 * @param infos      the info blocks, in the order written; may be empty for a Cancel
 */
public record CapAlert(String identifier, String sender, Instant sent, String sentText, CapStatus status,
                       CapMessageType messageType, CapScope scope, String note, List<CapReference> references,
                       List<CapInfo> infos) {
    public CapAlert {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(sentText, "sentText");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(scope, "scope");
        references = List.copyOf(references);
        infos = List.copyOf(infos);
    }

    /** This alert's own reference: what later Updates and Cancels name, and what a copy repeats. */
    public CapReference reference() {
        return new CapReference(sender, identifier, sentText, sent);
    }

    /** The info to act on: the first in Vietnamese, else the first; null when there is none. */
    public CapInfo preferredInfo() {
        return infos.stream().filter(CapInfo::isVietnamese).findFirst()
                .orElse(infos.isEmpty() ? null : infos.get(0));
    }
}
