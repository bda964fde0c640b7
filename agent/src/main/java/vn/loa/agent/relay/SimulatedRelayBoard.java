package vn.loa.agent.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Zone;

/** A relay board in memory, for demos and tests: remembers and logs every switch. Thread-safe. */
public final class SimulatedRelayBoard implements RelayBoard {
    private static final Logger log = LoggerFactory.getLogger(SimulatedRelayBoard.class);

    private final String station;
    private final Map<Integer, String> zoneNames = new TreeMap<>();
    private final Map<Integer, Boolean> on = new TreeMap<>();
    private boolean closed;

    public SimulatedRelayBoard(String station, List<Zone> zones) {
        this.station = Objects.requireNonNull(station, "station");
        for (Zone zone : Objects.requireNonNull(zones, "zones")) {
            zoneNames.put(zone.channel(), zone.name());
            on.put(zone.channel(), false);
        }
    }

    @Override
    public synchronized void set(int channel, boolean switchOn) {
        if (!on.containsKey(channel)) {
            throw new IllegalArgumentException("station " + station + " has no relay channel " + channel
                    + "; its channels are " + on.keySet());
        }
        if (closed) {
            throw new IllegalStateException("the relay board of station " + station + " is closed");
        }
        boolean was = on.put(channel, switchOn);
        if (was != switchOn) {
            log.info("station {} zone {} '{}' switched {} (simulated relay)", station, channel,
                    zoneNames.get(channel), switchOn ? "on" : "off");
        }
    }

    @Override
    public synchronized List<RelayChannelState> state() {
        List<RelayChannelState> states = new ArrayList<>(on.size());
        on.forEach((channel, isOn) -> states.add(new RelayChannelState(channel, isOn)));
        return List.copyOf(states);
    }

    @Override
    public synchronized void allOff() {
        if (closed) {
            return;
        }
        for (Integer channel : on.keySet()) {
            set(channel, false);
        }
    }

    @Override
    public synchronized void close() {
        allOff();
        closed = true;
    }
}
