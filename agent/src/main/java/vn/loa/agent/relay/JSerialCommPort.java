package vn.loa.agent.relay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link SerialPort} on jSerialComm, 8N1 at the given baud rate. Pseudo-terminals work too
 * (tests pair two with socat), so DTR and RTS are never used. jSerialComm keeps {@code isOpen()}
 * true when the far end dies; the signal is a read returning -1 or a short write, which this
 * class turns into an {@link IOException}. Thread: the owner's only.
 */
public final class JSerialCommPort implements SerialPort {
    private final com.fazecast.jSerialComm.SerialPort port;
    private final String path;

    private JSerialCommPort(com.fazecast.jSerialComm.SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    /** An opener for the port at {@code path} (looked up again at every open: a link may move). */
    public static SerialPort.Opener opener(Path path, int baud) {
        Objects.requireNonNull(path, "path");
        return new SerialPort.Opener() {
            @Override
            public SerialPort open() throws IOException {
                return JSerialCommPort.open(path, baud);
            }

            @Override
            public String describe() {
                return path.toString();
            }
        };
    }

    /** Opens the port at {@code path}, 8N1; an {@link IOException} if it is missing or busy. */
    public static JSerialCommPort open(Path path, int baud) throws IOException {
        String name = path.toString();
        if (!path.toFile().exists()) {
            throw new IOException("no serial port at " + name);
        }
        com.fazecast.jSerialComm.SerialPort port;
        try {
            port = com.fazecast.jSerialComm.SerialPort.getCommPort(name);
        } catch (RuntimeException e) {
            throw new IOException("cannot find serial port " + name + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, com.fazecast.jSerialComm.SerialPort.ONE_STOP_BIT,
                com.fazecast.jSerialComm.SerialPort.NO_PARITY);
        port.setFlowControl(com.fazecast.jSerialComm.SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + name + " (error " + port.getLastErrorCode() + ")");
        }
        return new JSerialCommPort(port, name);
    }

    @Override
    public void write(byte[] frame) throws IOException {
        port.setComPortTimeouts(com.fazecast.jSerialComm.SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 1000);
        int written = port.writeBytes(frame, frame.length);
        if (written != frame.length) {
            throw new IOException("serial port " + path + " took " + Math.max(written, 0) + " of " + frame.length
                    + " bytes");
        }
    }

    @Override
    public byte[] read(int maxBytes, Duration timeout) throws IOException {
        byte[] buffer = new byte[maxBytes];
        int filled = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            // at least 1 ms: a non-blocking read on a pty was seen to hang; a short poll does not
            long remainingMillis = Math.max(1, (deadline - System.nanoTime() + 999_999) / 1_000_000);
            port.setComPortTimeouts(com.fazecast.jSerialComm.SerialPort.TIMEOUT_READ_SEMI_BLOCKING,
                    (int) Math.min(Integer.MAX_VALUE, remainingMillis), 0);
            int count = port.readBytes(buffer, maxBytes - filled, filled);
            if (count < 0) {
                throw new IOException("serial port " + path + " is gone (read failed)");
            }
            filled += count;
        } while (filled < maxBytes && System.nanoTime() < deadline);
        return Arrays.copyOf(buffer, filled);
    }

    @Override
    public void close() {
        port.closePort();
    }
}
