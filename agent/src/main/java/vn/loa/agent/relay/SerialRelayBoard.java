package vn.loa.agent.relay;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.agent.link.Backoff;
import vn.loa.agent.timing.TaskScheduler;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Severity;

/**
 * A relay board on a serial port (LCUS or Modbus RTU, by its {@link RelayFrames}). Callers say
 * which zones they want on ({@link #set}, never blocking); the board's own thread writes the
 * frames, checks the answers, and keeps the wanted state in memory, so that:
 * <ul>
 *   <li>a failed write, or a missing or wrong answer, is retried with backoff and reported once as
 *       a {@value RelayEvents#FAULT} event (and {@value RelayEvents#RECOVERED} when it works again);</li>
 *   <li>a port that is gone (a board pulled out; a read or write fails, or it cannot be opened) is
 *       reopened with backoff, noticed within a probe interval even when nothing is switched, and
 *       once back the wanted state is written again in full;</li>
 *   <li>while faulted, {@link #state} throws, so the heartbeat leaves the relays out rather than
 *       claim a state the board may not have.</li>
 * </ul>
 *
 * <p>Thread: {@link #set}, {@link #allOff}, {@link #state} from any thread; the port, the state
 * confirmed by the board and the retries belong to the board's thread (its {@link TaskScheduler}).
 */
public final class SerialRelayBoard implements RelayBoard {
    private static final Logger log = LoggerFactory.getLogger(SerialRelayBoard.class);
    private static final int DRAIN_BYTES = 256;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

    private final String station;
    private final String describe;
    private final Map<Integer, Integer> relayChannelOfZone;
    private final RelayFrames frames;
    private final SerialPort.Opener opener;
    private final TaskScheduler thread;
    private final Backoff backoff;
    private final Duration echoTimeout;
    private final Duration probeInterval;
    private final RelayEvents events;
    private final Runnable stopThread;

    private final Map<Integer, Boolean> wanted = new TreeMap<>(); // guarded by this
    private boolean closed; // guarded by this
    private final Map<Integer, Boolean> confirmed = new ConcurrentHashMap<>(); // written by the board's thread only
    private volatile String fault;

    private SerialPort port; // board thread
    private int failures; // board thread
    private TaskScheduler.Cancellable retry; // board thread
    private boolean shutDown; // board thread

    SerialRelayBoard(Settings settings, RelayFrames frames, SerialPort.Opener opener, TaskScheduler thread,
                     RelayEvents events, Runnable stopThread) {
        this.station = settings.station;
        this.relayChannelOfZone = Map.copyOf(settings.relayChannelOfZone);
        this.frames = Objects.requireNonNull(frames, "frames");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.thread = Objects.requireNonNull(thread, "thread");
        this.backoff = settings.backoff;
        this.echoTimeout = settings.echoTimeout;
        this.probeInterval = settings.probeInterval;
        this.events = Objects.requireNonNull(events, "events");
        this.stopThread = Objects.requireNonNull(stopThread, "stopThread");
        this.describe = frames.name() + " relay board on " + opener.describe();
        for (Map.Entry<Integer, Integer> zone : relayChannelOfZone.entrySet()) {
            frames.switchFrame(zone.getValue(), false); // refuses a channel the board cannot have
            wanted.put(zone.getKey(), false);
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("a relay board needs at least one zone");
        }
        thread.schedule(this::probe, probeInterval); // the first write comes with the first allOff or set
    }

    /** What a serial board is set up with, besides its frames, port and thread. */
    record Settings(String station, Map<Integer, Integer> relayChannelOfZone, Duration echoTimeout, Backoff backoff,
                    Duration probeInterval) {
        Settings {
            Objects.requireNonNull(station, "station");
            Objects.requireNonNull(relayChannelOfZone, "relayChannelOfZone");
            Objects.requireNonNull(echoTimeout, "echoTimeout");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(probeInterval, "probeInterval");
        }
    }

    @Override
    public void set(int zone, boolean on) {
        synchronized (this) {
            if (!wanted.containsKey(zone)) {
                throw new IllegalArgumentException("station " + station + " has no relay zone " + zone
                        + "; its zones are " + wanted.keySet());
            }
            if (closed) {
                throw new IllegalStateException("the relay board of station " + station + " is closed");
            }
            wanted.put(zone, on);
        }
        thread.execute(this::sync);
    }

    @Override
    public void allOff() {
        synchronized (this) {
            if (closed) {
                return;
            }
            wanted.replaceAll((zone, on) -> false);
        }
        thread.execute(this::sync);
    }

    /** The state the board confirmed (or, before its first write, the state wanted); throws while faulted. */
    @Override
    public List<RelayChannelState> state() {
        String current = fault;
        if (current != null) {
            throw new IllegalStateException(describe + " is faulted: " + current);
        }
        List<RelayChannelState> states = new ArrayList<>();
        for (Map.Entry<Integer, Boolean> zone : wanted().entrySet()) {
            states.add(new RelayChannelState(zone.getKey(), confirmed.getOrDefault(zone.getKey(), zone.getValue())));
        }
        return List.copyOf(states);
    }

    @Override
    public Optional<String> fault() {
        return Optional.ofNullable(fault);
    }

    /** Switches every zone off (one attempt, no retries), closes the port and stops the thread; bounded. */
    @Override
    public void close() {
        try {
            shutDown().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("station {}: the {} did not switch off within {} s", station, describe, CLOSE_TIMEOUT.toSeconds());
        } catch (ExecutionException e) {
            log.warn("station {}: the {} failed while closing: {}", station, describe, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopThread.run();
        }
    }

    /** The first half of {@link #close}: completes on the board's thread once everything is off and the port closed. */
    CompletableFuture<Void> shutDown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                done.complete(null);
                return done;
            }
            closed = true;
            wanted.replaceAll((zone, on) -> false);
        }
        thread.execute(() -> {
            try {
                cancelRetry();
                shutDown = true;
                trySync();
            } catch (IOException | ReplyException e) {
                log.warn("station {}: could not switch the {} off on shutdown: {}", station, describe, e.getMessage());
            } finally {
                closePort();
                done.complete(null);
            }
        });
        return done;
    }

    private synchronized Map<Integer, Boolean> wanted() {
        return new TreeMap<>(wanted);
    }

    /** Board thread: brings the board to the wanted state, or schedules a retry. */
    private void sync() {
        if (retry != null || shutDown) {
            return; // a retry is due and will write the latest wanted state
        }
        try {
            trySync();
            succeeded();
        } catch (IOException e) {
            closePort();
            failed(e.getMessage());
        } catch (ReplyException e) {
            failed(e.getMessage());
        }
    }

    private void trySync() throws IOException, ReplyException {
        if (port == null) {
            port = opener.open();
            confirmed.clear();
            log.info("station {}: opened the {}", station, describe);
        }
        for (Map.Entry<Integer, Boolean> zone : wanted().entrySet()) {
            if (!zone.getValue().equals(confirmed.get(zone.getKey()))) {
                switchRelay(zone.getKey(), zone.getValue());
                confirmed.put(zone.getKey(), zone.getValue());
            }
        }
    }

    private void switchRelay(int zone, boolean on) throws IOException, ReplyException {
        int channel = relayChannelOfZone.get(zone);
        byte[] frame = frames.switchFrame(channel, on);
        byte[] expected = frames.expectedReply(frame);
        if (expected.length > 0) {
            port.read(DRAIN_BYTES, Duration.ZERO); // a late answer to an earlier frame must not pass for this one
        }
        port.write(frame);
        if (expected.length == 0) {
            return;
        }
        byte[] reply = port.read(expected.length, echoTimeout);
        if (!Arrays.equals(reply, expected)) {
            String what = "zone " + zone + " (relay " + channel + ") " + (on ? "on" : "off") + ": sent "
                    + hex(frame) + ", ";
            throw new ReplyException(reply.length == 0
                    ? what + "no answer within " + echoTimeout.toMillis() + " ms"
                    : what + "answer " + hex(reply) + " instead of " + hex(expected));
        }
        log.debug("station {}: zone {} (relay {}) switched {}", station, zone, channel, on ? "on" : "off");
    }

    /** Board thread, every probe interval: notices a port that is gone even when nothing is switched. */
    private void probe() {
        if (shutDown) {
            return;
        }
        if (port == null && retry == null) {
            sync();
        } else if (port != null && retry == null) {
            try {
                port.read(DRAIN_BYTES, Duration.ZERO);
            } catch (IOException e) {
                closePort();
                failed(e.getMessage());
            }
        }
        thread.schedule(this::probe, probeInterval);
    }

    private void failed(String detail) {
        Duration delay = backoff.delay(Math.min(failures, 30));
        failures++;
        String message = describe + ": " + detail;
        if (fault == null) {
            fault = message;
            log.warn("station {}: relay fault: {}; retrying in {} ms", station, message, delay.toMillis());
            publish(RelayEvents.FAULT, Severity.FAULT, message);
        } else {
            fault = message;
            log.debug("station {}: relay still faulted (attempt {}): {}", station, failures, message);
        }
        retry = thread.schedule(() -> {
            retry = null;
            sync();
        }, delay);
    }

    private void succeeded() {
        failures = 0;
        if (fault != null) {
            fault = null;
            String message = describe + " answers again; relay state restored";
            log.info("station {}: {}", station, message);
            publish(RelayEvents.RECOVERED, Severity.INFO, message);
        }
    }

    private void publish(String kind, Severity severity, String detail) {
        try {
            events.publish(kind, severity, detail);
        } catch (RuntimeException e) {
            log.warn("station {}: could not report {}: {}", station, kind, e.toString());
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
    }

    private void closePort() {
        confirmed.clear();
        if (port != null) {
            try {
                port.close();
            } catch (RuntimeException e) {
                log.debug("station {}: closing the {}: {}", station, describe, e.toString());
            }
            port = null;
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    /** The board answered wrongly or not at all. */
    private static final class ReplyException extends Exception {
        ReplyException(String message) {
            super(message, null, false, false);
        }
    }
}
