package vn.loa.agent.playout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStage;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.EmergencyTarget;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.PlannedBroadcast;

/**
 * The emergency announcements the station holds: which are to play, which were stopped, and their
 * live progress messages. The broadcast an announcement becomes here has the id
 * {@code emergency:<id>}, class emergency, its zones (the station's every zone when it names
 * none), and lasts every repetition; it is due a warm-up after it arrived and may begin until the
 * announcement's {@code validUntil}. Playing it is the {@link Playout}'s business.
 *
 * <p>Thread: the playout thread only.
 */
final class Emergencies {
    private static final Logger log = LoggerFactory.getLogger(Emergencies.class);
    private static final int REMEMBER_STOPPED = 1000;

    private final String station;
    private final Set<Integer> channels;
    private final Clock clock;
    private final Consumer<EmergencyProgress> progress;
    private final Map<String, EmergencyOrder> orders = new LinkedHashMap<>();
    private final Set<String> stopped = new HashSet<>();

    Emergencies(String station, Set<Integer> channels, Clock clock, Consumer<EmergencyProgress> progress) {
        this.station = Objects.requireNonNull(station, "station");
        this.channels = Set.copyOf(channels);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** What a newly arrived announcement means here. */
    sealed interface Arrival permits Ignored, TooLate, Accepted {
    }

    record Ignored(String why) implements Arrival {
    }

    record TooLate(PlannedBroadcast broadcast, String reason) implements Arrival {
    }

    record Accepted(EmergencyOrder order) implements Arrival {
    }

    /**
     * Takes an announcement unless it is not for this station, known already (held, stopped, or
     * already in the journal: {@code recorded}), or too late.
     */
    Arrival arrived(Emergency emergency, boolean recorded) {
        Optional<EmergencyTarget> target = emergency.targetFor(station);
        if (target.isEmpty()) {
            return new Ignored("not one of its targets");
        }
        String id = emergency.emergencyId();
        if (orders.containsKey(id) || recorded) {
            return new Ignored("already received");
        }
        if (stopped.contains(id)) {
            return new Ignored("stopped before it arrived");
        }
        Instant now = clock.instant();
        PlannedBroadcast broadcast = broadcastOf(emergency, target.get(), now);
        if (now.isAfter(emergency.validUntil())) {
            return new TooLate(broadcast, "reached the station at " + now + ", after its validity ended at "
                    + emergency.validUntil());
        }
        EmergencyOrder order = new EmergencyOrder(emergency, now, broadcast);
        orders.put(id, order);
        report(id, EmergencyStage.RECEIVED, List.of());
        return new Accepted(order);
    }

    /** Marks an announcement stopped; returns the order held for it, if any (no longer held). */
    Optional<EmergencyOrder> stop(EmergencyStop stop) {
        if (stopped.size() >= REMEMBER_STOPPED) {
            stopped.clear();
        }
        stopped.add(stop.emergencyId());
        return Optional.ofNullable(orders.remove(stop.emergencyId()));
    }

    /** The candidates of the announcements held and not yet begun or ended. */
    List<Candidate> candidates(Map<String, ?> recorded, String activeId) {
        List<Candidate> candidates = new ArrayList<>();
        for (EmergencyOrder order : orders.values()) {
            String id = order.broadcast().broadcastId();
            if (!recorded.containsKey(id) && !id.equals(activeId)) {
                candidates.add(order.candidate());
            }
        }
        return candidates;
    }

    Optional<EmergencyOrder> byBroadcast(String broadcastId) {
        return orders.values().stream().filter(order -> order.broadcast().broadcastId().equals(broadcastId))
                .findFirst();
    }

    /** Forgets an announcement whose broadcast ended (its receipt is written). */
    void done(String broadcastId) {
        byBroadcast(broadcastId).ifPresent(order -> orders.remove(order.emergencyId()));
    }

    /** Reports {@code zones-on} for each held announcement whose zones are all on now, once. */
    void reportZonesOn(ZoneSwitcher zones, String activeId) {
        for (EmergencyOrder order : orders.values()) {
            if (order.zonesOnReported()) {
                continue;
            }
            List<Integer> wanted = zones.known(order.broadcast().zones());
            List<Integer> on = zones.onAmong(wanted);
            boolean started = order.broadcast().broadcastId().equals(activeId);
            if (!wanted.isEmpty() && (on.size() == wanted.size() || started)) {
                order.markZonesOnReported();
                report(order.emergencyId(), EmergencyStage.ZONES_ON, on);
                log.info("station {} switched zones {} on for emergency announcement {}", station, on,
                        order.emergencyId());
            }
        }
    }

    private void report(String emergencyId, EmergencyStage stage, List<Integer> zonesOn) {
        try {
            progress.accept(new EmergencyProgress(MessageIds.next(), clock.instant(), station, emergencyId, stage,
                    zonesOn));
        } catch (RuntimeException e) {
            log.warn("station {} could not report emergency {} {}: {}", station, emergencyId, stage, e.toString());
        }
    }

    private PlannedBroadcast broadcastOf(Emergency emergency, EmergencyTarget target, Instant now) {
        List<Integer> zones = target.zones().isEmpty() ? channels.stream().sorted().toList() : target.zones();
        if (zones.isEmpty()) {
            zones = List.of(1); // a station without zones: the broadcast fails as "none of its zones exist"
        }
        return new PlannedBroadcast(emergency.broadcastId(), emergency.bulletinId(), emergency.title(),
                BulletinClass.EMERGENCY, now.plusMillis(emergency.warmUpMillis()),
                emergency.totalDuration().toMillis(), zones, emergency.audio());
    }
}
