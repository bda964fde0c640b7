package vn.loa.protocol.testutil;

import java.time.Instant;
import java.util.List;
import vn.loa.protocol.Birth;
import vn.loa.protocol.ControllerStatus;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.Message;
import vn.loa.protocol.NowPlaying;
import vn.loa.protocol.Presence;
import vn.loa.protocol.RelayChannelState;
import vn.loa.protocol.Severity;
import vn.loa.protocol.StationEvent;
import vn.loa.protocol.StationStatus;
import vn.loa.protocol.Zone;

/** One valid message of every type, with fixed ids and instants so encodings are reproducible. */
public final class SampleMessages {
    public static final String STATION = "tan-lap-01";
    /** 11:00 in Asia/Ho_Chi_Minh. */
    public static final Instant TS = Instant.parse("2026-11-23T04:00:00Z");

    private SampleMessages() {
    }

    public static Birth birth() {
        return new Birth("7d1c5e9a-3f3b-4c1e-9a44-0b5f2d6e8c10", TS, STATION, "0.1.0",
                List.of(new Zone(1, "Thôn 1"), new Zone(2, "Chợ Tân Lập")),
                "Linux 6.6.31+rpt-rpi-v8 aarch64", "17.0.13",
                Instant.parse("2026-11-20T22:15:03Z"), Instant.parse("2026-11-20T22:15:41.250Z"), 30);
    }

    public static Heartbeat heartbeat() {
        return new Heartbeat("c2a8f0d4-61b7-4e0a-8f3e-5d9b1a7c2e44", TS, STATION, 193_699L, 193_737L,
                0.42, 612_368_384L, 1_919_434_752L, 21_474_836_480L, 51.5,
                List.of(new RelayChannelState(1, true), new RelayChannelState(2, false)),
                new NowPlaying("b-2026-11-23-0400-tan-lap-01", "ban-tin-sang-2311", "Bản tin sáng 23/11",
                        Instant.parse("2026-11-23T03:59:30Z")));
    }

    /** A heartbeat from a board that reports nothing optional. */
    public static Heartbeat minimalHeartbeat() {
        return new Heartbeat("4b0e9d1f-2c6a-4f7e-b3d8-9e1a5c7f0b22", TS, STATION, 12L,
                null, null, null, null, null, null, List.of(), null);
    }

    public static StationStatus stationOnline() {
        return new StationStatus("e5f1a2b3-7c4d-4e8f-9a0b-1c2d3e4f5a66", TS, STATION, Presence.ONLINE);
    }

    public static StationStatus stationOffline() {
        return new StationStatus("e5f1a2b3-7c4d-4e8f-9a0b-1c2d3e4f5a67", TS, STATION, Presence.OFFLINE);
    }

    public static StationEvent event() {
        return new StationEvent("9a3d7e21-5b8c-4f60-a1e2-3b4c5d6e7f88", TS, STATION, "relay-fault", Severity.FAULT,
                "relay board on /dev/ttyUSB0 does not answer");
    }

    public static ControllerStatus controllerOnline() {
        return new ControllerStatus("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a11", TS, Presence.ONLINE);
    }

    public static List<Message> all() {
        return List.of(birth(), heartbeat(), minimalHeartbeat(), stationOnline(), stationOffline(), event(),
                controllerOnline());
    }
}
