package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How serious a station event is. */
public enum Severity {
    @JsonProperty("info") INFO,
    @JsonProperty("warning") WARNING,
    @JsonProperty("fault") FAULT
}
