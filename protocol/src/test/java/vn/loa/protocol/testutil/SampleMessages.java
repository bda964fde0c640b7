package vn.loa.protocol.testutil;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.loa.protocol.AudioRef;
import vn.loa.protocol.Birth;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.ControllerStatus;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyProgress;
import vn.loa.protocol.EmergencyStage;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.Message;
import vn.loa.protocol.NowPlaying;
import vn.loa.protocol.Plan;
import vn.loa.protocol.PlanAck;
import vn.loa.protocol.PlannedBroadcast;
import vn.loa.protocol.Presence;
import vn.loa.protocol.Receipt;
import vn.loa.protocol.ReceiptAck;
import vn.loa.protocol.ReceiptState;
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

    /** The SHA-256 of the morning bulletin's audio. */
    public static final String MORNING_SHA256 = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
    /** The SHA-256 of the storm warning's audio. */
    public static final String STORM_SHA256 = "b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78";

    /** The morning news at 06:30 local time on two zones. */
    public static PlannedBroadcast morningBulletin() {
        return new PlannedBroadcast("sc-k3m9p2qa@2026-11-23T23:30:00Z", "bl-7hx2c4nd", "Bản tin sáng 24/11",
                BulletinClass.NORMAL, Instant.parse("2026-11-23T23:30:00Z"), 754_000L, List.of(1, 2),
                new AudioRef("/audio/" + MORNING_SHA256, MORNING_SHA256, 24_128_044L, "wav"));
    }

    /** An emergency storm warning at 17:00 local time on every zone. */
    public static PlannedBroadcast stormWarning() {
        return new PlannedBroadcast("sc-w8d4r6tz@2026-11-24T10:00:00Z", "bl-q5v3j9mc", "Cảnh báo bão số 9",
                BulletinClass.EMERGENCY, Instant.parse("2026-11-24T10:00:00Z"), 95_500L, List.of(1, 2, 3),
                new AudioRef("/audio/" + STORM_SHA256, STORM_SHA256, 1_528_320L, "mp3"));
    }

    public static Plan plan() {
        return new Plan("3b6e1f0a-9c2d-4e7b-8a15-6d4c3b2a1f09", TS, STATION, 7L, TS, TS.plus(Duration.ofHours(48)),
                List.of(morningBulletin(), stormWarning()), List.of(siren()));
    }

    /** The SHA-256 of the standard siren. */
    public static final String SIREN_SHA256 = "0f6b2a3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

    public static AudioRef siren() {
        return new AudioRef("/audio/" + SIREN_SHA256, SIREN_SHA256, 1_920_044L, "wav");
    }

    /** A flood warning for one station's every zone, valid 30 minutes. */
    public static Emergency emergency() {
        return new Emergency("6a1f3c5e-8b2d-4e79-a0c4-d1e2f3a4b5c6", TS, STATION, "em-lu-tan-lap-2611",
                "Cảnh báo lũ khẩn cấp", "bl-std-lu-quet", siren(), 20_000L, 3, 4, TS.plus(Duration.ofMinutes(30)),
                1_000L, List.of());
    }

    public static EmergencyStop emergencyStop() {
        return new EmergencyStop("7b2e4d6f-9c3a-4f80-b1d5-e2f3a4b5c6d7", TS.plusSeconds(95), STATION,
                "em-lu-tan-lap-2611", "stopped by nguyen.van.a");
    }

    public static EmergencyProgress emergencyZonesOn() {
        return new EmergencyProgress("8c3f5e7a-0d4b-4a91-82e6-f3a4b5c6d7e8", TS.plusMillis(38), STATION,
                "em-lu-tan-lap-2611", EmergencyStage.ZONES_ON, List.of(1, 2));
    }

    /**
     * A plan of {@code count} realistic broadcasts, one a minute from {@link #TS}: ids as the
     * controller makes them, a Vietnamese title, four zones, content-addressed audio.
     */
    public static Plan planOf(int count) {
        List<PlannedBroadcast> broadcasts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = TS.plusSeconds(60L * i);
            broadcasts.add(new PlannedBroadcast("sc-k3m9p2qa@" + start, "bl-7hx2c4nd",
                    "Bản tin sáng 24/11: lịch tiêm phòng", BulletinClass.NORMAL, start, 754_000L,
                    List.of(1, 2, 3, 4), new AudioRef("/audio/" + MORNING_SHA256, MORNING_SHA256, 24_128_044L, "wav")));
        }
        return new Plan("8c4d2e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f", TS, STATION, 1L, TS, TS.plus(Duration.ofHours(48)),
                broadcasts);
    }

    public static PlanAck planAck() {
        return new PlanAck("a4c7e2b9-0d3f-4a61-b8e5-2f9c1d7a3e50", TS, STATION, 7L);
    }

    public static Receipt receiptStarted() {
        return new Receipt("5e2b8d14-7a9c-4f30-b6e1-8d2a4c6f9b01", Instant.parse("2026-11-23T23:30:00.006Z"), STATION,
                "sc-k3m9p2qa@2026-11-23T23:30:00Z", "bl-7hx2c4nd", ReceiptState.STARTED,
                Instant.parse("2026-11-23T23:30:00Z"), Instant.parse("2026-11-23T23:30:00.004Z"), null,
                List.of(1, 2), null);
    }

    public static Receipt receiptFinished() {
        return new Receipt("5e2b8d14-7a9c-4f30-b6e1-8d2a4c6f9b02", Instant.parse("2026-11-23T23:42:34.011Z"), STATION,
                "sc-k3m9p2qa@2026-11-23T23:30:00Z", "bl-7hx2c4nd", ReceiptState.FINISHED,
                Instant.parse("2026-11-23T23:30:00Z"), Instant.parse("2026-11-23T23:30:00.004Z"),
                Instant.parse("2026-11-23T23:42:34.009Z"), List.of(1, 2), null);
    }

    public static Receipt receiptMissed() {
        return new Receipt("5e2b8d14-7a9c-4f30-b6e1-8d2a4c6f9b03", Instant.parse("2026-11-24T10:03:12Z"), STATION,
                "sc-w8d4r6tz@2026-11-24T10:00:00Z", "bl-q5v3j9mc", ReceiptState.MISSED,
                Instant.parse("2026-11-24T10:00:00Z"), null, null, List.of(),
                "agent started at 10:03:11Z, 191 s after the start; tolerance is 60 s");
    }

    public static ReceiptAck receiptAck() {
        return new ReceiptAck("d9e8f7a6-b5c4-4d3e-8f2a-1b0c9d8e7f60", Instant.parse("2026-11-23T23:42:34.120Z"), STATION,
                List.of("5e2b8d14-7a9c-4f30-b6e1-8d2a4c6f9b01", "5e2b8d14-7a9c-4f30-b6e1-8d2a4c6f9b02"));
    }

    /** Every sample, in the order of the examples in docs/protocol.md. */
    public static List<Message> all() {
        return List.of(birth(), heartbeat(), minimalHeartbeat(), stationOnline(), stationOffline(), event(),
                controllerOnline(), plan(), planAck(), receiptStarted(), receiptFinished(), receiptMissed(),
                receiptAck(), emergency(), emergencyStop(), emergencyZonesOn());
    }
}
