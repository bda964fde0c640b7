package vn.loa.protocol;

import java.util.regex.Pattern;

/**
 * Station ids appear in MQTT topics, so they are restricted to characters that are safe in a
 * topic level: lower-case letters, digits, '-' and '_', 1 to 64 characters, starting with a letter
 * or digit. No '/', '+', '#' or '$'.
 */
public final class StationIds {
    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private StationIds() {
    }

    public static boolean isValid(String stationId) {
        return stationId != null && VALID.matcher(stationId).matches();
    }

    /** Returns the id, or throws {@link IllegalArgumentException} naming the rule it breaks. */
    public static String require(String stationId) {
        if (!isValid(stationId)) {
            throw new IllegalArgumentException("station id must be 1-64 characters of a-z, 0-9, '-' or '_', "
                    + "starting with a letter or digit, got " + describe(stationId));
        }
        return stationId;
    }

    private static String describe(String stationId) {
        if (stationId == null) {
            return "nothing";
        }
        String shown = stationId.length() > MAX_LENGTH ? stationId.substring(0, MAX_LENGTH) + "…" : stationId;
        return "'" + shown + "'";
    }
}
