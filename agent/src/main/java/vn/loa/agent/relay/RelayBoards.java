package vn.loa.agent.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import vn.loa.agent.config.RelaySettings;
import vn.loa.agent.link.Backoff;
import vn.loa.agent.timing.ExecutorTaskScheduler;
import vn.loa.protocol.Zone;

/** Builds the relay board a station's configuration names. */
public final class RelayBoards {
    /** First retry after a fault; retries back off up to {@link #RETRY_MAX}. */
    static final Duration RETRY_MIN = Duration.ofMillis(250);
    static final Duration RETRY_MAX = Duration.ofSeconds(5);
    /** How often an idle port is checked for being gone. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private RelayBoards() {
    }

    /** The simulated board, or a serial one with its own thread ({@code loa-relay-<station>}). */
    public static RelayBoard create(String station, List<Zone> zones, RelaySettings settings, RelayEvents events) {
        Objects.requireNonNull(settings, "settings");
        return switch (settings.driver()) {
            case SIMULATED -> new SimulatedRelayBoard(station, zones);
            case LCUS -> serial(station, zones, settings, new LcusFrames(), events);
            case MODBUS -> serial(station, zones, settings, new ModbusFrames(settings.address()), events);
        };
    }

    private static RelayBoard serial(String station, List<Zone> zones, RelaySettings settings, RelayFrames frames,
                                     RelayEvents events) {
        Map<Integer, Integer> relayChannelOfZone = new TreeMap<>();
        for (Zone zone : zones) {
            relayChannelOfZone.put(zone.channel(), settings.relayChannel(zone.channel()));
        }
        for (int zone : settings.channels().keySet()) {
            if (!relayChannelOfZone.containsKey(zone)) {
                throw new IllegalArgumentException("field 'relay.channels." + zone + "': the station has no zone " + zone);
            }
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "loa-relay-" + station);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        try {
            return new SerialRelayBoard(
                    new SerialRelayBoard.Settings(station, relayChannelOfZone, settings.echoTimeout(),
                            new Backoff(RETRY_MIN, RETRY_MAX), PROBE_INTERVAL),
                    frames, JSerialCommPort.opener(settings.port(), settings.baud()),
                    new ExecutorTaskScheduler(executor), events, executor::shutdownNow);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }
}
