package vn.loa.agent.testutil;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.loa.agent.relay.JSerialCommPort;
import vn.loa.agent.relay.SerialPort;

/**
 * Plays a relay board on the far end of a pty: records every byte received, cut into frames of
 * the driver's length, and for Modbus answers each frame as {@link Answer} says. Runs on its own
 * thread until the port goes away or it is closed.
 */
public final class RelayBoardEmulator implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    /** How the emulated board answers a frame. */
    public enum Answer { NOTHING, ECHO, WRONG, LATE }

    private final SerialPort port;
    private final int frameLength;
    private volatile Answer answer;
    private final Duration lateBy;
    private final List<String> frames = new ArrayList<>(); // guarded by this
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "relay-board-emulator-late");
        thread.setDaemon(true);
        return thread;
    });

    private RelayBoardEmulator(SerialPort port, int frameLength, Answer answer, Duration lateBy) {
        this.port = port;
        this.frameLength = frameLength;
        this.answer = answer;
        this.lateBy = lateBy;
        Thread thread = new Thread(this::run, "relay-board-emulator");
        thread.setDaemon(true);
        thread.start();
    }

    /** An LCUS board: 4-byte frames, no answer. */
    public static RelayBoardEmulator lcus(Path boardEnd) throws IOException {
        return new RelayBoardEmulator(JSerialCommPort.open(boardEnd, 9600), 4, Answer.NOTHING, Duration.ZERO);
    }

    /** A Modbus board: 8-byte frames, answered as told ({@code LATE}: the echo after {@code lateBy}). */
    public static RelayBoardEmulator modbus(Path boardEnd, Answer answer, Duration lateBy) throws IOException {
        return new RelayBoardEmulator(JSerialCommPort.open(boardEnd, 9600), 8, answer, lateBy);
    }

    public void answer(Answer newAnswer) {
        this.answer = newAnswer;
    }

    /** Every frame received so far, in order, as hex ("A0 01 01 A2"). */
    public synchronized List<String> frames() {
        return List.copyOf(frames);
    }

    /** True once the emulator stopped (its port went away or it was closed). */
    public boolean stopped() {
        return stopped.getCount() == 0;
    }

    private void run() {
        byte[] frame = new byte[0];
        try {
            while (!closing) {
                byte[] read = port.read(frameLength - frame.length, Duration.ofMillis(100));
                byte[] joined = java.util.Arrays.copyOf(frame, frame.length + read.length);
                System.arraycopy(read, 0, joined, frame.length, read.length);
                frame = joined;
                if (frame.length == frameLength) {
                    synchronized (this) {
                        frames.add(HEX.formatHex(frame));
                    }
                    answer(frame);
                    frame = new byte[0];
                }
            }
        } catch (IOException e) {
            // the pty went away: the board is unplugged
        } finally {
            late.shutdownNow();
            port.close();
            stopped.countDown();
        }
    }

    private void answer(byte[] frame) throws IOException {
        switch (answer) {
            case NOTHING -> { }
            case ECHO -> port.write(frame);
            case WRONG -> {
                byte[] wrong = frame.clone();
                wrong[4] = (byte) ~wrong[4];
                port.write(wrong);
            }
            case LATE -> late.schedule(() -> {
                try {
                    port.write(frame);
                } catch (IOException e) {
                    // unplugged meanwhile
                }
            }, lateBy.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        stopped.await(5, TimeUnit.SECONDS);
    }
}
