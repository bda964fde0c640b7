package vn.loa.agent.playout;

import java.time.Instant;
import java.util.Objects;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.PlannedBroadcast;

/**
 * A broadcast of the plan that has not begun yet (or is to be resumed): its audio should begin at
 * {@code due}, and not after {@code deadline} (the planned start plus the late tolerance; for a
 * seeking resume, the end of its audio). {@code resume} is null for an ordinary start.
 */
record Candidate(PlannedBroadcast broadcast, Instant due, Instant deadline, Resume resume) {
    Candidate {
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(deadline, "deadline");
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
