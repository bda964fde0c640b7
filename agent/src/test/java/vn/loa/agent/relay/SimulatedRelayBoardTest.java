package vn.loa.agent.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Zone;

class SimulatedRelayBoardTest {
    private final SimulatedRelayBoard board = new SimulatedRelayBoard("demo-01",
            List.of(new Zone(3, "Thôn Tây"), new Zone(1, "Loa trung tâm")));

    @Test
    void startsAllOffOrderedByChannel() {
        assertThat(board.state()).containsExactly(new RelayChannelState(1, false), new RelayChannelState(3, false));
    }

    @Test
    void switchesOneChannelAndAllOff() {
        board.set(3, true);
        assertThat(board.state()).containsExactly(new RelayChannelState(1, false), new RelayChannelState(3, true));

        board.set(1, true);
        board.allOff();

        assertThat(board.state()).extracting(RelayChannelState::on).containsOnly(false);
    }

    @Test
    void refusesAChannelTheStationDoesNotHave() {
        assertThatThrownBy(() -> board.set(2, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no relay channel 2");
    }

    @Test
    void closeSwitchesEverythingOffAndRefusesFurtherSwitching() {
        board.set(1, true);

        board.close();

        assertThat(board.state()).extracting(RelayChannelState::on).containsOnly(false);
        assertThatThrownBy(() -> board.set(1, true)).isInstanceOf(IllegalStateException.class);
    }
}
