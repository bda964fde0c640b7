package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How far a station has got with an emergency announcement, before its receipts take over. */
public enum EmergencyStage {
    /** The announcement reached the station and will play. */
    @JsonProperty("received") RECEIVED,
    /** The zones are switched on (warming up); the audio follows. */
    @JsonProperty("zones-on") ZONES_ON
}
