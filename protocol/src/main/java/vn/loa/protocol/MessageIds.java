package vn.loa.protocol;

import java.util.UUID;

/** Fresh message ids: random UUIDs, unique across restarts, so a receiver can drop duplicates. */
public final class MessageIds {
    private MessageIds() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }
}
