package vn.loa.agent.relay;

import java.io.IOException;
import java.time.Duration;

/**
 * One open serial port, as the relay drivers see it: our own small interface over jSerialComm
 * ({@link JSerialCommPort}), so unit tests use a fake. An {@link IOException} from either method
 * means the port is gone (a board pulled out, the far end of a pty closed): close it and open it
 * again. Not thread-safe: the relay board's thread owns it.
 */
public interface SerialPort extends AutoCloseable {

    /** Writes the whole frame, or throws. */
    void write(byte[] frame) throws IOException;

    /**
     * Reads up to {@code maxBytes} bytes received within {@code timeout}: fewer (or none) when the
     * time runs out first. A zero timeout only takes what has already arrived.
     */
    byte[] read(int maxBytes, Duration timeout) throws IOException;

    @Override
    void close();

    /** Opens the port a relay board is attached to; called again after the port is lost. */
    @FunctionalInterface
    interface Opener {
        /** Opens the port, or throws an {@link IOException} saying why it cannot be opened now. */
        SerialPort open() throws IOException;

        /** Where the port is, for log lines and fault reports. */
        default String describe() {
            return "serial port";
        }
    }
}
