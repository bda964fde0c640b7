package vn.loa.agent.testutil;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.MessageIds;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlannedBroadcast;

/** Plans and planned broadcasts as the controller would send them. */
public final class Plans {
    private Plans() {
    }

    public static PlannedBroadcast broadcast(String id, Instant start, Duration duration, BulletinClass bulletinClass,
                                             List<Integer> zones, AudioRef audio) {
        return new PlannedBroadcast(id, "bulletin-" + id, "Bản tin " + id, bulletinClass, start, duration.toMillis(),
                zones, audio);
    }

    public static PlannedBroadcast normal(String id, Instant start, Duration duration, AudioRef audio) {
        return broadcast(id, start, duration, BulletinClass.NORMAL, List.of(1), audio);
    }

    /** A plan whose window runs from an hour before its first broadcast to two days after {@code sentAt}. */
    public static Plan plan(String station, long version, Instant sentAt, PlannedBroadcast... broadcasts) {
        Instant first = List.of(broadcasts).stream().map(PlannedBroadcast::start).min(Comparator.naturalOrder())
                .orElse(sentAt);
        Instant from = (first.isBefore(sentAt) ? first : sentAt).minus(Duration.ofHours(1));
        return new Plan(MessageIds.next(), sentAt, station, version, from, sentAt.plus(Duration.ofDays(2)),
                List.of(broadcasts));
    }
}
