package vn.loa.agent.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.relay.RelayBoard;

/**
 * Switches the zones the playout wants on, and remembers since when each one is on (for the
 * warm-up) and how long an ended broadcast's zones are held. Only the channels the station has
 * are switched; a channel switched by someone else is left alone. A relay that refuses is logged
 * and counts as off.
 *
 * <p>Thread: the playout thread only.
 */
final class ZoneSwitcher {
    private static final Logger log = LoggerFactory.getLogger(ZoneSwitcher.class);

    private final String station;
    private final RelayBoard board;
    private final Set<Integer> channels;
    private final Map<Integer, Instant> onSince = new TreeMap<>();
    private final Map<Integer, Instant> holdUntil = new HashMap<>();

    ZoneSwitcher(String station, RelayBoard board, Set<Integer> channels) {
        this.station = Objects.requireNonNull(station, "station");
        this.board = Objects.requireNonNull(board, "board");
        this.channels = Set.copyOf(channels);
    }

    /** The zones among these that the station has. */
    List<Integer> known(List<Integer> zones) {
        return zones.stream().filter(channels::contains).distinct().sorted().toList();
    }

    /** The zones among these that are on now. */
    List<Integer> onAmong(List<Integer> zones) {
        return known(zones).stream().filter(onSince::containsKey).toList();
    }

    /** When all known zones among these will have warmed up, switching the ones that are off now. */
    Instant readyAt(List<Integer> zones, Duration warmUp, Instant now) {
        Instant ready = now;
        for (int zone : known(zones)) {
            Instant since = onSince.getOrDefault(zone, now);
            Instant warm = since.plus(warmUp);
            if (warm.isAfter(ready)) {
                ready = warm;
            }
        }
        return ready;
    }

    boolean isOn(int zone) {
        return onSince.containsKey(zone);
    }

    /** Keeps these zones on until {@code until} (the hold after a broadcast). */
    void hold(List<Integer> zones, Instant until) {
        for (int zone : zones) {
            holdUntil.merge(zone, until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Zones still held at {@code now}; forgets expired holds. */
    Set<Integer> holding(Instant now) {
        Set<Integer> held = new HashSet<>();
        for (Iterator<Map.Entry<Integer, Instant>> it = holdUntil.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Instant> entry = it.next();
            if (entry.getValue().isAfter(now)) {
                held.add(entry.getKey());
            } else {
                it.remove();
            }
        }
        return held;
    }

    /** Drops every hold (a new broadcast's audio has begun). */
    void releaseHolds() {
        holdUntil.clear();
    }

    /** The earliest end of a hold after {@code now}, or null. */
    Instant nextHoldEnd(Instant now) {
        return holdUntil.values().stream().filter(until -> until.isAfter(now)).min(Instant::compareTo).orElse(null);
    }

    /** Switches on what is wanted and off what is not (of the zones this switcher turned on). */
    void apply(Set<Integer> wanted, Instant now) {
        List<Integer> off = new ArrayList<>();
        for (int zone : onSince.keySet()) {
            if (!wanted.contains(zone)) {
                off.add(zone);
            }
        }
        for (int zone : off) {
            onSince.remove(zone);
            set(zone, false);
        }
        for (int zone : new TreeSet<>(wanted)) {
            if (channels.contains(zone) && !onSince.containsKey(zone) && set(zone, true)) {
                onSince.put(zone, now);
            }
        }
    }

    void allOff() {
        onSince.clear();
        holdUntil.clear();
        try {
            board.allOff();
        } catch (RuntimeException e) {
            log.warn("station {} could not switch its relays off: {}", station, e.toString());
        }
    }

    private boolean set(int zone, boolean on) {
        try {
            board.set(zone, on);
            return true;
        } catch (RuntimeException e) {
            log.warn("station {} could not switch zone {} {}: {}", station, zone, on ? "on" : "off", e.toString());
            return false;
        }
    }
}
