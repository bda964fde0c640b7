package vn.loa.agent.config;

/** Range checks for whole-number settings, worded for the person editing the file. */
final class Ranges {
    private Ranges() {
    }

    static void check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("field '" + field + "' must be " + min + ".." + max + ", got " + value);
        }
    }
}
