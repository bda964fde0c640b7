package vn.loa.controller.history;

import java.time.Instant;

/** From {@code at} the station was online or offline, for this cause (birth, last will, silence...). */
public record PresenceMark(Instant at, String presence, String cause) {
}
