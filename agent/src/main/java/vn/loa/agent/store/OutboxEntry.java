package vn.loa.agent.store;

import java.util.Objects;

/** One receipt waiting in the outbox for the controller's acknowledgement: its encoded message. */
public record OutboxEntry(long seq, String receiptId, String broadcastId, byte[] payload) {
    public OutboxEntry {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(broadcastId, "broadcastId");
        Objects.requireNonNull(payload, "payload");
    }
}
