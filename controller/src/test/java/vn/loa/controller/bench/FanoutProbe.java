package vn.loa.controller.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The bare broker's fan-out: one QoS 1 message carrying its send instant ({@link System#nanoTime()}
 * in this JVM) published to a topic that every receiver subscribes to; each receiver hands the
 * message to {@link #received} with its own receive instant. Round after round, the interval
 * publish → receipt of every delivery is kept. Receivers call from their event loops.
 */
public final class FanoutProbe {
    /** The round number and the send instant. */
    public static final int HEADER_BYTES = Integer.BYTES + Long.BYTES;

    private final String topic;
    private final int receivers;
    private final int rounds;
    private final int payloadBytes;
    private final AtomicLongArray nanos;
    private final AtomicInteger[] counts;
    private final CountDownLatch[] done;
    private final AtomicInteger strays = new AtomicInteger();

    /** @param payloadBytes the size of each message: the header, padded (to match another message's size) */
    public FanoutProbe(String topic, int receivers, int rounds, int payloadBytes) {
        if (payloadBytes < HEADER_BYTES) {
            throw new IllegalArgumentException("a probe message has at least " + HEADER_BYTES + " bytes");
        }
        this.topic = topic;
        this.receivers = receivers;
        this.rounds = rounds;
        this.payloadBytes = payloadBytes;
        this.nanos = new AtomicLongArray(receivers * rounds);
        this.counts = new AtomicInteger[rounds];
        this.done = new CountDownLatch[rounds];
        for (int i = 0; i < rounds; i++) {
            counts[i] = new AtomicInteger();
            done[i] = new CountDownLatch(receivers);
        }
    }

    public String topic() {
        return topic;
    }

    /** One receiver got the probe message. */
    public void received(byte[] payload, long receivedNanos) {
        if (payload.length != payloadBytes) {
            strays.incrementAndGet();
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int round = buffer.getInt();
        long sentNanos = buffer.getLong();
        if (round < 0 || round >= rounds) {
            strays.incrementAndGet();
            return;
        }
        int slot = counts[round].getAndIncrement();
        if (slot >= receivers) {
            strays.incrementAndGet(); // a duplicate delivery (QoS 1 is at least once)
            return;
        }
        nanos.set(round * receivers + slot, receivedNanos - sentNanos);
        done[round].countDown();
    }

    /**
     * Runs every round: publish, wait until every receiver has it, pause {@code gap} so the
     * broker's PUBACK traffic settles; returns the deliveries of the rounds after {@code warmUp}.
     */
    public Latencies run(FleetMqttClient publisher, int warmUp, Duration gap, Duration roundTimeout)
            throws TimeoutException, InterruptedException {
        if (warmUp >= rounds) {
            throw new IllegalArgumentException("warm-up " + warmUp + " leaves no measured round of " + rounds);
        }
        for (int round = 0; round < rounds; round++) {
            byte[] payload = ByteBuffer.allocate(payloadBytes).putInt(round).putLong(System.nanoTime()).array();
            publisher.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false);
            if (!done[round].await(roundTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("fan-out round " + round + ": " + (receivers - done[round].getCount())
                        + " of " + receivers + " receivers within " + roundTimeout.toMillis() + " ms");
            }
            LockSupport.parkNanos(gap.toNanos()); // pacing between rounds, not a wait for a condition
        }
        long[] measured = new long[(rounds - warmUp) * receivers];
        for (int i = 0; i < measured.length; i++) {
            measured[i] = nanos.get(warmUp * receivers + i);
        }
        return Latencies.of(measured);
    }

    /** Deliveries beyond one per receiver and round, or with a foreign payload. */
    public int strays() {
        return strays.get();
    }
}
