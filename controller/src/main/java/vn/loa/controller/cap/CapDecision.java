package vn.loa.controller.cap;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to do with one CAP alert, and why. The caller acts on {@link #action()} for an Alert or
 * Update; for a Cancel ({@link #cancels()}) it stops what the alerts in {@link #references()}
 * started. It stores {@link #reference()}'s key to spot copies and later Updates and Cancels.
 *
 * @param reason          for people: why this action
 * @param reference       the alert's own reference; its {@link CapReference#key() key} is CAP's unique id
 * @param references      the earlier alerts an Update or Cancel is about
 * @param info            the info acted on (Vietnamese first), null when the alert has none
 * @param reach           our areas and stations it reaches; empty when none (the caller answers 422)
 * @param riskLevel       1-5 or null: the alert's {@code riskLevel} parameter, else the rule's
 * @param standardMessage the standard emergency message to play, null when nothing plays
 * @param title           headline, else event; at most 300 characters; null without an info
 * @param validUntil      the info's expires; null when the alert gives none (the caller's default)
 */
public record CapDecision(CapAction action, String reason, CapStatus status, CapMessageType messageType,
                          CapReference reference, List<CapReference> references, CapInfo info, CapReach reach,
                          Integer riskLevel, String standardMessage, String title, Instant validUntil) {
    public static final int MAX_TITLE_LENGTH = 300;

    public CapDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(reference, "reference");
        references = List.copyOf(references);
        Objects.requireNonNull(reach, "reach");
    }

    public Set<Long> areaIds() {
        return reach.areaIds();
    }

    public Set<String> stationIds() {
        return reach.stationIds();
    }

    /** An Actual Cancel: the caller stops the announcements its references started. */
    public boolean cancels() {
        return status == CapStatus.ACTUAL && messageType == CapMessageType.CANCEL;
    }

    /** An Actual Update: the caller replaces the announcements its references started. */
    public boolean updates() {
        return status == CapStatus.ACTUAL && messageType == CapMessageType.UPDATE;
    }
}
