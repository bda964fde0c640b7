package vn.loa.agent.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.PlannedBroadcast;

/**
 * A broadcast that has not begun yet (or is to be resumed): its audio should begin at
 * {@code due}, and not after {@code deadline} (the planned start plus the late tolerance; for a
 * seeking resume, the end of its audio; for an emergency announcement, the end of its validity).
 * Its zones go on {@code warmUp} before {@code due}. {@code resume} is null for an ordinary start.
 * {@code immediate} (emergency announcements): its zones go on at once, before its audio is here.
 */
record Candidate(PlannedBroadcast broadcast, Instant due, Instant deadline, Resume resume, Duration warmUp,
                 boolean immediate) {
    Candidate {
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(warmUp, "warmUp");
    }

    String id() {
        return broadcast.broadcastId();
    }

    BulletinClass bulletinClass() {
        return broadcast.bulletinClass();
    }

    String sha256() {
        return broadcast.audio().sha256();
    }
}
