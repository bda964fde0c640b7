package vn.loa.controller.config;

/** Range checks that name the offending field. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException("field '" + field + "' must be " + min + ".." + max + ", got " + value);
        }
    }

    static void port(String field, int value) {
        range(field, value, 0, 65_535);
    }
}
