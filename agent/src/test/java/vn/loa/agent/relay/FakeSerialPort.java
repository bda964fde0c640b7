package vn.loa.agent.relay;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A serial port in memory: records every frame written, answers each with {@link #answer}
 * (nothing by default), and can be made to vanish ({@link #unplug}). Its opener can be made to
 * fail. Single-threaded, like the board thread that uses it.
 */
final class FakeSerialPort implements SerialPort {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    final List<String> written = new ArrayList<>();
    UnaryOperator<byte[]> answer = frame -> new byte[0];
    /** When set, each answer arrives only after the next read has given up on it. */
    boolean late;
    private byte[] pending = new byte[0];
    private byte[] delayed = new byte[0];
    private boolean gone;
    boolean closed;

    /** An opener handing out this port (reopened after a loss) until {@link Opener#missing} is set. */
    static final class Opener implements SerialPort.Opener {
        final FakeSerialPort port = new FakeSerialPort();
        boolean missing;
        int opens;

        @Override
        public SerialPort open() throws IOException {
            if (missing) {
                throw new IOException("no serial port at /dev/fake");
            }
            opens++;
            port.gone = false;
            port.closed = false;
            return port;
        }

        @Override
        public String describe() {
            return "/dev/fake";
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    void unplug() {
        gone = true;
    }

    @Override
    public void write(byte[] frame) throws IOException {
        if (gone || closed) {
            throw new IOException("serial port /dev/fake took 0 of " + frame.length + " bytes");
        }
        written.add(hex(frame));
        byte[] reply = answer.apply(frame.clone());
        if (late) {
            delayed = join(delayed, reply);
        } else {
            pending = join(pending, reply);
        }
    }

    private static byte[] join(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    @Override
    public byte[] read(int maxBytes, Duration timeout) throws IOException {
        if (gone || closed) {
            throw new IOException("serial port /dev/fake is gone (read failed)");
        }
        int count = Math.min(maxBytes, pending.length);
        byte[] read = Arrays.copyOf(pending, count);
        pending = Arrays.copyOfRange(pending, count, pending.length);
        pending = join(pending, delayed);
        delayed = new byte[0];
        return read;
    }

    @Override
    public void close() {
        closed = true;
    }
}
