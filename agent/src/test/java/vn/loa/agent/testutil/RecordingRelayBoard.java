package vn.loa.agent.testutil;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.loa.agent.relay.RelayBoard;
import vn.loa.agent.relay.SimulatedRelayBoard;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Zone;

/** A simulated relay board that records every change of a channel with the clock's time. */
public final class RecordingRelayBoard implements RelayBoard {
    /** One change: {@code channel} went on or off at {@code at}. */
    public record Switch(Instant at, int channel, boolean on) {
    }

    private final SimulatedRelayBoard board;
    private final Clock clock;
    private final List<Switch> switches = new ArrayList<>();

    public RecordingRelayBoard(String station, List<Zone> zones, Clock clock) {
        this.board = new SimulatedRelayBoard(station, zones);
        this.clock = clock;
    }

    @Override
    public synchronized void set(int channel, boolean on) {
        boolean was = isOn(channel);
        board.set(channel, on);
        if (was != on) {
            switches.add(new Switch(clock.instant(), channel, on));
        }
    }

    @Override
    public synchronized List<RelayChannelState> state() {
        return board.state();
    }

    @Override
    public synchronized void allOff() {
        for (RelayChannelState state : board.state()) {
            if (state.on()) {
                set(state.channel(), false);
            }
        }
    }

    @Override
    public synchronized void close() {
        allOff();
        board.close();
    }

    public synchronized boolean isOn(int channel) {
        return board.state().stream().anyMatch(state -> state.channel() == channel && state.on());
    }

    public synchronized List<Switch> switches() {
        return List.copyOf(switches);
    }
}
