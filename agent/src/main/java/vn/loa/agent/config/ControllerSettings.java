package vn.loa.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the controller serves bulletin audio over HTTP: each {@code AudioRef.path} of a plan is
 * appended to {@code url}. Kept without a trailing '/'. {@code caFile}: for an {@code https://} URL,
 * the CA (PEM) the controller's certificate must chain to, instead of the JVM's trusted CAs.
 * {@code enrolmentToken} (or null) is the one-time token the agent exchanges there for its MQTT
 * credentials when it has no password.
 */
public record ControllerSettings(String url, Path caFile, String enrolmentToken) {
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";

    public ControllerSettings {
        if (enrolmentToken != null && enrolmentToken.isBlank()) {
            throw new IllegalArgumentException("field 'controller.enrolmentToken' must not be blank");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("field 'controller.url' must not be blank");
        }
        url = checked(url.strip());
        if (caFile != null && !url.startsWith("https://")) {
            throw new IllegalArgumentException("field 'controller.caFile' is set but 'controller.url' is not https:// ('"
                    + url + "')");
        }
    }

    /** No CA file, no enrolment token. */
    public ControllerSettings(String url) {
        this(url, null, null);
    }

    public static ControllerSettings defaults() {
        return new ControllerSettings(DEFAULT_URL);
    }

    /** The address of one file on the controller, {@code path} starting with '/'. */
    public URI resolve(String path) {
        return URI.create(url + path);
    }

    private static String checked(String url) {
        String problem;
        try {
            URI parsed = new URI(url);
            String scheme = parsed.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                problem = "must start with http:// or https://";
            } else if (parsed.getHost() == null) {
                problem = "has no host";
            } else if (parsed.getQuery() != null || parsed.getFragment() != null) {
                problem = "must not have a query or fragment";
            } else {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (URISyntaxException e) {
            problem = "is not a valid URL (" + e.getReason() + ")";
        }
        throw new IllegalArgumentException("field 'controller.url' " + problem
                + ", e.g. http://127.0.0.1:8080, got '" + url + "'");
    }
}
