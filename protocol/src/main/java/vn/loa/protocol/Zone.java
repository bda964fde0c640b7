package vn.loa.protocol;

/** One relay channel of a station, as the agent drives it: channel 1..64 and a display name. */
public record Zone(int channel, String name) {
    public static final int MAX_CHANNEL = 64;

    public Zone {
        if (channel < 1 || channel > MAX_CHANNEL) {
            throw new IllegalArgumentException("field 'channel' must be 1.." + MAX_CHANNEL + ", got " + channel);
        }
        Require.text(name, "name", 100);
    }
}
