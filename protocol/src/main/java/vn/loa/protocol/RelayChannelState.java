package vn.loa.protocol;

/** Whether one relay channel is switched on. */
public record RelayChannelState(int channel, boolean on) {
    public RelayChannelState {
        if (channel < 1 || channel > Zone.MAX_CHANNEL) {
            throw new IllegalArgumentException("field 'channel' must be 1.." + Zone.MAX_CHANNEL + ", got " + channel);
        }
    }
}
