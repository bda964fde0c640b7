package vn.loa.agent.config;

/** The station's audio cache ({@code dataDir/cache}): at most {@code maxBytes} of bulletin files. */
public record CacheSettings(long maxBytes) {
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;
    public static final long MIN_MAX_BYTES = 1024L * 1024;

    public CacheSettings {
        if (maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException("field 'cache.maxBytes' must be at least " + MIN_MAX_BYTES
                    + " (1 MiB), got " + maxBytes);
        }
    }

    public static CacheSettings defaults() {
        return new CacheSettings(DEFAULT_MAX_BYTES);
    }
}
