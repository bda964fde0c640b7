package vn.loa.agent.relay;

/** The bytes a kind of relay board understands: how to switch one of its channels, and what it answers. */
interface RelayFrames {

    /** The frame that switches relay channel {@code channel} (1-based, as printed on the board). */
    byte[] switchFrame(int channel, boolean on);

    /** The answer a board gives to {@code frame} when it switched, or an empty array if it answers nothing. */
    byte[] expectedReply(byte[] frame);

    /** The driver's name in log lines and fault reports. */
    String name();
}
