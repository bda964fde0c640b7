package vn.loa.controller.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thousand in-process stations would write four INFO lines each per emergency through one
 * console appender: a cost of the fleet, not of the stations (each logs its own lines on its own
 * board). The benchmark keeps the agent code's WARN and above only; the controller logs as usual.
 */
final class FleetLogging {
    private FleetLogging() {
    }

    static void quietAgents() {
        ((Logger) LoggerFactory.getLogger("vn.loa.agent")).setLevel(Level.WARN);
    }
}
