package vn.loa.controller.health;

import java.time.Instant;

/** Which alerts to list: any field null means any; {@code from}/{@code to} bound the opening time. */
public record AlertFilter(String state, String station, String rule, Instant from, Instant to, int limit) {
    public static final int MAX_LIMIT = 1000;
}
