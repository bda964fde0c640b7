package vn.loa.controller.testutil;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;
import vn.loa.agent.relay.SimulatedRelayBoard;

/**
 * Watches the simulated relay boards of in-process agents through their log: when each zone of
 * each station was switched on or off.
 */
public final class RelayLog implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SimulatedRelayBoard.class);

    /** One switch of a relay. */
    public record Switch(String station, int zone, boolean on, Instant at) {
    }

    public RelayLog() {
        appender.start();
        logger.addAppender(appender);
    }

    public List<Switch> switches(String station) {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "station (\\S+) zone (\\d+) '.*' switched (on|off) \\(simulated relay\\)");
        return List.copyOf(appender.list).stream()
                .map(event -> {
                    var matcher = line.matcher(event.getFormattedMessage());
                    return matcher.matches() ? new Switch(matcher.group(1), Integer.parseInt(matcher.group(2)),
                            matcher.group(3).equals("on"), Instant.ofEpochMilli(event.getTimeStamp())) : null;
                })
                .filter(java.util.Objects::nonNull)
                .filter(change -> change.station().equals(station))
                .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
