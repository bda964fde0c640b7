package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happened to a broadcast at a station, as the station reports it. */
public enum ReceiptState {
    /** Audio began: relays on, playback running. */
    @JsonProperty("started") STARTED,
    /** Played to the end. */
    @JsonProperty("finished") FINISHED,
    /** Began but was cut short: interrupted by a higher class, stopped, or cut by a reboot. */
    @JsonProperty("partly-played") PARTLY_PLAYED,
    /** Never began: the start passed by more than the tolerance (agent down, clock, held up by another broadcast). */
    @JsonProperty("missed") MISSED,
    /** Could not play: bad audio, checksum mismatch, audio device fault; {@code reason} says which. */
    @JsonProperty("failed") FAILED;

    public boolean isFinal() {
        return this != STARTED;
    }
}
