package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Retained on {@code {root}/controller/status}: the controller announces {@code online} after it
 * has subscribed, and registers {@code offline} as its last will. Agents answer a new
 * {@code online} with a fresh birth, so a controller that starts after the agents still learns
 * about every station at once.
 */
public record ControllerStatus(
        String id,
        @JsonProperty("ts") Instant timestamp,
        Presence state) implements Message {

    public static final String TYPE = "controller-status";

    public ControllerStatus {
        Require.text(id, "id", 100);
        Require.present(timestamp, "ts");
        Require.present(state, "state");
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
