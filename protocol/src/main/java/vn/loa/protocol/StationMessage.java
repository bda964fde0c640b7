package vn.loa.protocol;

/** A message published by one station's agent, on one of its channels. */
public sealed interface StationMessage extends Message permits Birth, Heartbeat, StationStatus, StationEvent {
    /** The station that sent it; must match the station of the topic it arrived on. */
    String station();

    /** The channel this message belongs on. */
    Channel channel();
}
