package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Online or offline, for a station or the controller. */
public enum Presence {
    @JsonProperty("online") ONLINE,
    @JsonProperty("offline") OFFLINE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
