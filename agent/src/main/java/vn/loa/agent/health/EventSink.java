package vn.loa.agent.health;

import vn.loa.protocol.Severity;

/**
 * Where a part of the agent reports something that happened at the station (a fault, a recovery),
 * sent as a {@code StationEvent}. Best effort: an event raised while the broker is unreachable is
 * logged but not kept. Implementations are thread-safe and never throw.
 */
@FunctionalInterface
public interface EventSink {
    /** {@code kind} is a short machine-readable name such as {@code audio-checksum-mismatch}. */
    void report(String kind, Severity severity, String detail);
}
