package vn.loa.agent.relay;

import java.util.List;
import java.util.Optional;
import vn.loa.protocol.RelayChannelState;

/**
 * The relay channels that switch a station's amplifiers and loudspeaker lines (its zones).
 * Implementations are thread-safe.
 */
public interface RelayBoard extends AutoCloseable {

    /** Switches one channel; {@link IllegalArgumentException} if the station has no such channel. */
    void set(int channel, boolean on);

    /** The state of every channel of the station, ordered by channel. */
    List<RelayChannelState> state();

    /** What is wrong with the board now (it does not answer, its port is gone), or empty when it works. */
    default Optional<String> fault() {
        return Optional.empty();
    }

    /** Switches every channel off: the safe state at start and on shutdown. */
    void allOff();

    @Override
    void close();
}
