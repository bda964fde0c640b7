package vn.loa.protocol;

import java.util.regex.Pattern;

/**
 * Emergency announcement ids: 1-64 characters of a-z, 0-9, '-' and '_', starting with a letter or
 * digit (they appear in broadcast ids and URLs). The broadcast an emergency becomes at a station
 * has the id {@code emergency:<emergencyId>}.
 */
public final class EmergencyIds {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final String BROADCAST_PREFIX = "emergency:";

    private EmergencyIds() {
    }

    public static boolean isValid(String emergencyId) {
        return emergencyId != null && VALID.matcher(emergencyId).matches();
    }

    public static String require(String emergencyId, String field) {
        if (emergencyId == null) {
            throw new Require.MissingFieldException(field);
        }
        if (!isValid(emergencyId)) {
            throw new IllegalArgumentException("field '" + field + "' must be 1-64 characters of a-z, 0-9, '-' or '_'");
        }
        return emergencyId;
    }

    /** The id of the broadcast an emergency becomes at every station it reaches (receipts carry it). */
    public static String broadcastId(String emergencyId) {
        return BROADCAST_PREFIX + require(emergencyId, "emergencyId");
    }

    /** The emergency a broadcast id belongs to, if it is an emergency's. */
    public static java.util.Optional<String> ofBroadcast(String broadcastId) {
        if (broadcastId != null && broadcastId.startsWith(BROADCAST_PREFIX)
                && isValid(broadcastId.substring(BROADCAST_PREFIX.length()))) {
            return java.util.Optional.of(broadcastId.substring(BROADCAST_PREFIX.length()));
        }
        return java.util.Optional.empty();
    }
}
