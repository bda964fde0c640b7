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
import vn.loa.agent.store.HeldEmergency;
import vn.loa.agent.store.PlanStore;
import vn.loa.agent.store.StoreException;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStage;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.PlannedBroadcast;

/**
 * The emergency announcements the station holds: which are to play, which were stopped, and their
 * live progress messages. The broadcast an announcement becomes here has the id
 * {@code emergency:<id>}, class emergency, its zones (the station's every zone when it names
 * none), and lasts every repetition; it is due a warm-up after it arrived and may begin until the
 * announcement's {@code validUntil}. Playing it is the {@link Playout}'s business. What it holds is
 * kept in the station's database until done, so a restart (a power cut in a storm) loses nothing.
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
    private final PlanStore store;
    private final Map<String, EmergencyOrder> orders = new LinkedHashMap<>();
    private final Set<String> stopped = new HashSet<>();

    Emergencies(String station, Set<Integer> channels, Clock clock, Consumer<EmergencyProgress> progress,
                PlanStore store) {
        this.station = Objects.requireNonNull(station, "station");
        this.channels = Set.copyOf(channels);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Takes back the announcements held before a restart; forgets those long over. */
    void restore() {
        Instant now = clock.instant();
        for (HeldEmergency held : store.heldEmergencies()) {
            Emergency emergency = held.emergency();
            if (!station.equals(emergency.station())
                    || now.isAfter(emergency.validUntil().plus(emergency.totalDuration()))) {
                release(emergency.emergencyId());
                continue;
            }
            orders.put(emergency.emergencyId(), new EmergencyOrder(emergency, held.receivedAt(),
                    broadcastOf(emergency, held.receivedAt())));
            log.info("station {} still holds emergency announcement {} (valid until {})", station,
                    emergency.emergencyId(), emergency.validUntil());
        }
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
        if (!station.equals(emergency.station())) {
            return new Ignored("it is for station " + emergency.station());
        }
        String id = emergency.emergencyId();
        if (orders.containsKey(id) || recorded) {
            return new Ignored("already received");
        }
        if (stopped.contains(id)) {
            return new Ignored("stopped before it arrived");
        }
        Instant now = clock.instant();
        PlannedBroadcast broadcast = broadcastOf(emergency, now);
        if (now.plusMillis(emergency.warmUpMillis()).isAfter(emergency.validUntil())) {
            return new TooLate(broadcast, "reached the station at " + now + ", too late to begin before its "
                    + "validity ended at " + emergency.validUntil());
        }
        EmergencyOrder order = new EmergencyOrder(emergency, now, broadcast);
        orders.put(id, order);
        return new Accepted(order);
    }

    /**
     * After the playout acted on a new announcement (its zones on, if they could go on): says
     * {@code received} if {@code zones-on} did not go out, and keeps it in the database. Both come
     * after the relays, so nothing stands between an announcement and its zones.
     */
    void settle(EmergencyOrder order) {
        if (!orders.containsKey(order.emergencyId())) {
            return; // stopped or over already: nothing to say, nothing to keep
        }
        if (!order.zonesOnReported()) {
            report(order.emergencyId(), EmergencyStage.RECEIVED, List.of());
        }
        try {
            store.holdEmergency(order.emergency(), order.receivedAt());
        } catch (StoreException e) {
            log.warn("station {} cannot keep emergency announcement {} in its database ({}); playing it anyway",
                    station, order.emergencyId(), e.getMessage());
        }
    }

    /** Marks an announcement stopped; returns the order held for it, if any (no longer held). */
    Optional<EmergencyOrder> stop(EmergencyStop stop) {
        if (stopped.size() >= REMEMBER_STOPPED) {
            stopped.clear();
        }
        stopped.add(stop.emergencyId());
        EmergencyOrder order = orders.remove(stop.emergencyId());
        if (order != null) {
            release(stop.emergencyId());
        }
        return Optional.ofNullable(order);
    }

    /**
     * The candidates of the announcements held and not yet begun or ended, and of those cut by a
     * restart that play again ({@code resumes}).
     */
    List<Candidate> candidates(Map<String, ?> recorded, String activeId, Map<String, Resume> resumes) {
        List<Candidate> candidates = new ArrayList<>();
        for (EmergencyOrder order : orders.values()) {
            String id = order.broadcast().broadcastId();
            if (id.equals(activeId)) {
                continue;
            }
            if (!recorded.containsKey(id)) {
                candidates.add(order.candidate());
            } else if (resumes.containsKey(id)) {
                candidates.add(order.candidate().resuming(resumes.get(id)));
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
        byBroadcast(broadcastId).ifPresent(order -> {
            orders.remove(order.emergencyId());
            release(order.emergencyId());
        });
    }

    private void release(String emergencyId) {
        try {
            store.releaseEmergency(emergencyId);
        } catch (StoreException e) {
            log.warn("station {} cannot forget emergency announcement {}: {}", station, emergencyId, e.getMessage());
        }
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

    private PlannedBroadcast broadcastOf(Emergency emergency, Instant now) {
        List<Integer> zones = emergency.zones().isEmpty() ? channels.stream().sorted().toList() : emergency.zones();
        if (zones.isEmpty()) {
            zones = List.of(1); // a station without zones: the broadcast fails as "none of its zones exist"
        }
        return new PlannedBroadcast(emergency.broadcastId(), emergency.bulletinId(), emergency.title(),
                BulletinClass.EMERGENCY, now.plusMillis(emergency.warmUpMillis()),
                emergency.totalDuration().toMillis(), zones, emergency.audio());
    }
}
