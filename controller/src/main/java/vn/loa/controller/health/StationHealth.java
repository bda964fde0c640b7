package vn.loa.controller.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/** What the rules remember of one station between messages; used on the health thread only. */
final class StationHealth {
    String relayFault;
    Instant audioFaultAt;
    String audioFault;
    Instant deadAirAt;
    String deadAir;
    Long diskFreeBytes;
    Double temperatureCelsius;
    private final Deque<Long> offsetsMillis = new ArrayDeque<>();

    /** Records agent time minus received time of one message; keeps the last {@code window}. */
    void offset(Instant agentTime, Instant receivedAt, int window) {
        offsetsMillis.addLast(Duration.between(receivedAt, agentTime).toMillis());
        while (offsetsMillis.size() > window) {
            offsetsMillis.removeFirst();
        }
    }

    /**
     * The median offset of the last samples, once there are {@code min(window, 3)} of them: one slow
     * delivery (or one early heartbeat) moves a single sample, never the median.
     */
    Long skewMillis(int window) {
        if (offsetsMillis.size() < Math.min(window, 3)) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(offsetsMillis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
