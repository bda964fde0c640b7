package vn.loa.controller.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the fleet saw of each emergency: per station, when its client received the emergency and
 * when its playout reported the zones on ({@link System#nanoTime()}); also hands probe messages to
 * the fan-out probe running now. Thread-safe.
 */
final class EmergencyTimeline implements FleetObserver {
    private final int stations;
    private final Map<String, Round> rounds = new ConcurrentHashMap<>();
    private volatile FanoutProbe probe;

    EmergencyTimeline(int stations) {
        this.stations = stations;
    }

    /** One emergency as the fleet saw it; station id → nanos. */
    record Round(Map<String, Long> arrived, Map<String, Long> zonesOn, CountDownLatch allZonesOn) {
    }

    void probe(FanoutProbe running) {
        this.probe = running;
    }

    Round round(String emergencyId) {
        return rounds.computeIfAbsent(emergencyId, id -> new Round(new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(), new CountDownLatch(stations)));
    }

    /** Waits until every station reported zones-on for this emergency. */
    Round awaitZonesOn(String emergencyId, Duration timeout) throws InterruptedException, TimeoutException {
        Round round = round(emergencyId);
        if (!round.allZonesOn().await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("emergency " + emergencyId + ": " + round.zonesOn().size() + " of " + stations
                    + " stations reported zones-on within " + timeout.toMillis() + " ms");
        }
        return round;
    }

    @Override
    public void probeReceived(byte[] payload, long receivedNanos) {
        FanoutProbe current = probe;
        if (current != null) {
            current.received(payload, receivedNanos);
        }
    }

    @Override
    public void emergencyArrived(String station, String emergencyId, long receivedNanos) {
        round(emergencyId).arrived().putIfAbsent(station, receivedNanos);
    }

    @Override
    public void zonesOn(String station, String emergencyId, long nanos) {
        Round round = round(emergencyId);
        if (round.zonesOn().putIfAbsent(station, nanos) == null) {
            round.allZonesOn().countDown();
        }
    }
}
