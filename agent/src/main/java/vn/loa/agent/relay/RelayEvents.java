package vn.loa.agent.relay;

import vn.loa.protocol.Severity;

/** Where a relay board reports its faults and recoveries: the station's event path. Must not block. */
@FunctionalInterface
public interface RelayEvents {
    String FAULT = "relay-fault";
    String RECOVERED = "relay-recovered";

    void publish(String kind, Severity severity, String detail);
}
