package vn.loa.controller.schedule;

import java.time.ZoneId;

/** Schedules are written and shown in Vietnam's time; instants are stored in UTC. */
public final class BroadcastTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private BroadcastTime() {
    }
}
