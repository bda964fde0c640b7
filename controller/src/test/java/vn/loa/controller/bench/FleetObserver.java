package vn.loa.controller.bench;

/**
 * What the benchmark learns from the fleet, each with {@link System#nanoTime()}. Called on the
 * stations' event loops: implementations are thread-safe and quick.
 */
interface FleetObserver {
    /** A station's client received a probe message of the bare fan-out measurement. */
    void probeReceived(byte[] payload, long receivedNanos);

    /** A station's client received an emergency that names it (before the playout saw it). */
    void emergencyArrived(String station, String emergencyId, long receivedNanos);

    /** A station's playout switched the zones on for an emergency and reported {@code zones-on}. */
    void zonesOn(String station, String emergencyId, long nanos);
}
