package vn.loa.agent.config;

/**
 * A configuration the agent cannot run with. The message is meant for the person who wrote the
 * file: it names the file and the field, e.g. {@code agent.yml: field 'mqtt.uri' is required}.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
