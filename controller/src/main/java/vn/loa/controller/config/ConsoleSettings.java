package vn.loa.controller.config;

/**
 * The web console's settings ({@code console:} in the config). {@code tileUrl}: a Leaflet tile URL
 * template such as {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}; null (the default) shows
 * the map with station markers only, so the console works with no Internet access.
 * {@code tileAttribution}: the text the map shows for those tiles (their licence asks for it).
 */
public record ConsoleSettings(String tileUrl, String tileAttribution) {
    private static final int MAX_LENGTH = 2_000;

    public ConsoleSettings {
        tileUrl = blankToNull(tileUrl);
        tileAttribution = blankToNull(tileAttribution);
        if (tileUrl != null) {
            checkTileUrl(tileUrl);
        }
        if (tileAttribution != null && tileAttribution.length() > MAX_LENGTH) {
            throw new ConfigException("field 'console.tileAttribution' must be at most " + MAX_LENGTH + " characters");
        }
    }

    /** No tiles: markers on a blank map. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(null, null);
    }

    /**
     * Where the tiles come from, as a Content-Security-Policy source the console's page must allow
     * for images: {@code https://tiles.example.vn:8443}; Leaflet's subdomain placeholder {@code {s}}
     * becomes a wildcard label; any other placeholder in the host leaves the scheme only. Null
     * without tiles.
     */
    public String tileOrigin() {
        if (tileUrl == null) {
            return null;
        }
        int hostStart = tileUrl.indexOf("://") + 3;
        int hostEnd = tileUrl.indexOf('/', hostStart);
        String origin = (hostEnd < 0 ? tileUrl : tileUrl.substring(0, hostEnd)).replace("{s}", "*");
        return origin.contains("{") || origin.contains("}") ? tileUrl.substring(0, hostStart - 2) : origin;
    }

    private static void checkTileUrl(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new ConfigException("field 'console.tileUrl' must be an http:// or https:// URL, got '"
                    + shorten(url) + "'");
        }
        if (!url.contains("{z}") || !url.contains("{x}") || !url.contains("{y}")) {
            throw new ConfigException("field 'console.tileUrl' must contain {z}, {x} and {y} (a tile URL template "
                    + "such as https://tile.openstreetmap.org/{z}/{x}/{y}.png), got '" + shorten(url) + "'");
        }
        if (url.length() > MAX_LENGTH || url.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
            throw new ConfigException("field 'console.tileUrl' must be one URL without spaces or quotes, got '"
                    + shorten(url) + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
