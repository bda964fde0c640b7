package vn.loa.controller.report;

import java.time.LocalDate;

/**
 * One local day (Asia/Ho_Chi_Minh) of a station or an area: how long it was observed (registered and
 * in the past) and how long of that it was online, in milliseconds (summed over stations for an area),
 * and their ratio (null when nothing was observed that day).
 */
public record DayAvailability(LocalDate day, long observedMillis, long onlineMillis, Double availability) {
    public static DayAvailability of(LocalDate day, long observedMillis, long onlineMillis) {
        return new DayAvailability(day, observedMillis, onlineMillis,
                observedMillis == 0 ? null : (double) onlineMillis / observedMillis);
    }

    DayAvailability plus(DayAvailability other) {
        return of(day, observedMillis + other.observedMillis, onlineMillis + other.onlineMillis);
    }
}
