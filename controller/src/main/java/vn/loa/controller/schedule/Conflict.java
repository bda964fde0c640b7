package vn.loa.controller.schedule;

import java.time.LocalDateTime;
import vn.loa.protocol.BulletinClass;

/**
 * A zone ({@code station}, {@code channel}) that a schedule would use while another one of the
 * same class, {@code schedule}, already does; {@code at}: the first clash, local time in Asia/Ho_Chi_Minh.
 */
public record Conflict(String schedule, String bulletinId, BulletinClass bulletinClass, String station, int channel,
                       LocalDateTime at) {
}
