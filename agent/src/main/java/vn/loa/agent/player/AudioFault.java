package vn.loa.agent.player;

/**
 * The audio output cannot play a bulletin: no such device, the device is busy or gone, the file
 * cannot be decoded or breaks off. A playback future fails with it; its message is the reason for
 * people, so {@link #toString} is the message alone (it ends up in a receipt's reason).
 */
public final class AudioFault extends Exception {
    private static final long serialVersionUID = 1L;

    public AudioFault(String message) {
        super(message);
    }

    public AudioFault(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
