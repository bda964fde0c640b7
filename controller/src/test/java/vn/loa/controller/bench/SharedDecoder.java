package vn.loa.controller.bench;

import java.util.Arrays;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;

/**
 * Decodes what arrives on {@code {root}/emergencies} once for the whole fleet: every station gets
 * the same bytes, and on real hardware each would parse them on its own CPU, at the same time. In
 * one JVM on two cores, a thousand parses of a message naming a thousand stations would be a cost
 * of the fleet, not of the system, so identical payloads share one decoded (immutable) message.
 * Thread-safe.
 */
final class SharedDecoder {
    private static final int REMEMBERED = 8;

    private final MessageCodec codec;
    private volatile Entry[] recent = new Entry[0];

    private record Entry(byte[] payload, Decoded<Message> decoded) {
    }

    SharedDecoder(MessageCodec codec) {
        this.codec = codec;
    }

    Decoded<Message> decode(byte[] payload) {
        for (Entry entry : recent) {
            if (Arrays.equals(entry.payload(), payload)) {
                return entry.decoded();
            }
        }
        Decoded<Message> decoded = codec.decode(payload);
        remember(new Entry(payload, decoded));
        return decoded;
    }

    private synchronized void remember(Entry entry) {
        Entry[] current = recent;
        Entry[] next = new Entry[Math.min(REMEMBERED, current.length + 1)];
        next[0] = entry;
        System.arraycopy(current, 0, next, 1, next.length - 1);
        recent = next;
    }
}
