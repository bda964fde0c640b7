package vn.loa.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which relay driver switches the station's zones and, for a serial board, where it is: its port,
 * baud rate, Modbus device address, which relay channel each zone is on (a zone not listed is on
 * the relay channel of its own number), and how long to wait for a Modbus echo.
 */
public record RelaySettings(RelayDriver driver, Path port, int baud, int address, Map<Integer, Integer> channels,
                            Duration echoTimeout) {
    public static final int DEFAULT_BAUD = 9600;
    public static final int DEFAULT_ADDRESS = 1;
    public static final int DEFAULT_ECHO_TIMEOUT_MILLIS = 500;
    public static final int MAX_RELAY_CHANNEL = 256;
    /** LCUS boards come with 1, 2, 4 or 8 relays. */
    public static final int LCUS_MAX_CHANNEL = 8;

    public RelaySettings {
        Objects.requireNonNull(driver, "driver");
        if (driver != RelayDriver.SIMULATED && port == null) {
            throw new IllegalArgumentException("field 'relay.port' is required for the " + driver.configName()
                    + " driver, e.g. /dev/ttyUSB0");
        }
        Ranges.check("relay.baud", baud, 1200, 921_600);
        Ranges.check("relay.address", address, 1, 247);
        Objects.requireNonNull(echoTimeout, "echoTimeout");
        Ranges.check("relay.echoTimeoutMillis", echoTimeout.toMillis(), 10, 10_000);
        channels = Map.copyOf(new TreeMap<>(Objects.requireNonNull(channels, "channels")));
        channels.forEach((zone, relay) -> Ranges.check("relay.channels." + zone, relay, 1, MAX_RELAY_CHANNEL));
    }

    /** A driver with every default (no port: only right for the simulated one). */
    public RelaySettings(RelayDriver driver) {
        this(driver, null, DEFAULT_BAUD, DEFAULT_ADDRESS, Map.of(), Duration.ofMillis(DEFAULT_ECHO_TIMEOUT_MILLIS));
    }

    public static RelaySettings simulated() {
        return new RelaySettings(RelayDriver.SIMULATED);
    }

    /** Every mapped zone must be one of the station's, and an LCUS board has at most 8 relays. */
    void checkZones(java.util.List<vn.loa.protocol.Zone> zones) {
        java.util.Set<Integer> known = new java.util.TreeSet<>();
        zones.forEach(zone -> known.add(zone.channel()));
        for (int zone : channels.keySet()) {
            if (!known.contains(zone)) {
                throw new IllegalArgumentException("field 'relay.channels." + zone + "': the station has no zone "
                        + zone + "; its zones are " + known);
            }
        }
        if (driver == RelayDriver.LCUS) {
            for (int zone : known) {
                if (relayChannel(zone) > LCUS_MAX_CHANNEL) {
                    throw new IllegalArgumentException("zone " + zone + " is on relay " + relayChannel(zone)
                            + " but an LCUS board has relays 1.." + LCUS_MAX_CHANNEL + "; map it in 'relay.channels'");
                }
            }
        }
    }

    /** The relay channel that switches {@code zone}. */
    public int relayChannel(int zone) {
        return channels.getOrDefault(zone, zone);
    }
}
