package vn.loa.agent.testutil;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A linked pair of pseudo-terminals made by socat ({@code DIR/ttyA} for the agent, {@code DIR/ttyB}
 * for the board emulator), as in docs stack.md. Fails the test, never skips it, when socat is
 * missing. {@link #kill} plays a board pulled out; {@link #start} again on the same directory
 * plugs it back in.
 */
public final class SocatPtyPair implements AutoCloseable {
    private final Path dir;
    private Process socat;

    private SocatPtyPair(Path dir) {
        this.dir = dir;
    }

    public static SocatPtyPair start(Path dir) {
        SocatPtyPair pair = new SocatPtyPair(dir);
        pair.restart();
        return pair;
    }

    public Path agentEnd() {
        return dir.resolve("ttyA");
    }

    public Path boardEnd() {
        return dir.resolve("ttyB");
    }

    /** Starts socat (again); returns once both links exist. */
    public synchronized void restart() {
        if (socat != null && socat.isAlive()) {
            throw new IllegalStateException("socat still runs");
        }
        ProcessBuilder builder = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + agentEnd(), "pty,raw,echo=0,link=" + boardEnd())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile());
        try {
            socat = builder.start();
        } catch (IOException e) {
            throw new AssertionError("socat is needed for the serial tests (apt-get install -y socat): " + e, e);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(agentEnd()) && Files.exists(boardEnd()) || !socat.isAlive());
        if (!socat.isAlive()) {
            throw new AssertionError("socat exited at once; see " + dir.resolve("socat.log"));
        }
    }

    /** Kills socat: both ends go away, as when a USB board is pulled out. */
    public synchronized void kill() {
        if (socat == null) {
            return;
        }
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(agentEnd());
            Files.deleteIfExists(boardEnd());
        } catch (IOException e) {
            throw new AssertionError("cannot remove the pty links: " + e, e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
