package vn.loa.agent.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Receives an HTTP response body one chunk at a time, for a reader on another thread that waits
 * a bounded time for each chunk: a body that stops flowing (a dead 3G link) is noticed, and the
 * reader can call the transfer off between chunks. Only one chunk is requested at a time, so the
 * queue never holds more than one chunk and the end signal.
 */
final class BodyChunks implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private boolean first = true; // reader thread

    /** The body stopped flowing for longer than the reader would wait. */
    static final class StalledException extends IOException {
        private static final long serialVersionUID = 1L;

        StalledException(Duration stall) {
            super("no data for " + stall.toSeconds() + " s");
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        newSubscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        queue.add(chunk);
    }

    @Override
    public void onError(Throwable failure) {
        queue.add(failure);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /** The next chunk, or null at the end of the body. */
    @SuppressWarnings("unchecked")
    List<ByteBuffer> next(Duration stall) throws IOException, InterruptedException {
        if (!first && subscription != null) {
            subscription.request(1);
        }
        first = false;
        Object item = queue.poll(stall.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new StalledException(stall);
        }
        if (item == END) {
            return null;
        }
        if (item instanceof Throwable failure) {
            throw failure instanceof IOException io ? io : new IOException(failure.toString(), failure);
        }
        return (List<ByteBuffer>) item;
    }

    /** Stops the transfer; the connection is released. */
    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
