package vn.loa.protocol;

/** A message on one station's topics: sent by its agent, or (commands) to it. */
public sealed interface StationMessage extends Message
        permits Birth, Heartbeat, StationStatus, StationEvent, Plan, PlanAck, Receipt, ReceiptAck,
        Emergency, EmergencyStop, EmergencyProgress {
    /** The station that sent it, or that it is for; must match the station of the topic it is on. */
    String station();

    /** The channel this message belongs on. */
    Channel channel();
}
