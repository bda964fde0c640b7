package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.protocol.testutil.Payloads.accepted;
import static vn.loa.protocol.testutil.Payloads.bytes;
import static vn.loa.protocol.testutil.Payloads.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.protocol.testutil.SampleMessages;

class MessageCodecRoundTripTest {
    private static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    private final MessageCodec codec = new MessageCodec();

    static Stream<Message> everyMessageType() {
        return SampleMessages.all().stream();
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void everyMessageDecodesToAnEqualRecord(Message message) {
        assertThat(accepted(codec.decode(codec.encode(message)))).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void encodedMessageCarriesTheEnvelope(Message message) {
        JsonNode json = tree(codec.encode(message));

        assertThat(json.get("v").isInt()).isTrue();
        assertThat(json.get("v").intValue()).isEqualTo(1);
        assertThat(json.get("type").textValue()).isEqualTo(message.type());
        assertThat(json.get("id").textValue()).isEqualTo(message.id());
        assertThat(json.get("ts").textValue()).matches(ISO_UTC);
        assertThat(Instant.parse(json.get("ts").textValue())).isEqualTo(message.timestamp());
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void encodingStartsWithTheEnvelopeAndLeavesOutJavaOnlyNames(Message message) {
        String json = new String(codec.encode(message), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"v\":1,\"type\":\"" + message.type() + "\",\"id\":\"" + message.id()
                + "\",\"ts\":\"");
        assertThat(tree(codec.encode(message)).has("timestamp")).isFalse();
        assertThat(tree(codec.encode(message)).has("channel")).isFalse();
    }

    @Test
    void everyTypeHasItsOwnWireName() {
        assertThat(SampleMessages.all().stream().map(Message::type).distinct())
                .containsExactlyInAnyOrder("birth", "heartbeat", "status", "event", "controller-status", "plan",
                        "plan-ack", "receipt", "receipt-ack", "emergency", "emergency-stop", "emergency-progress");
    }

    @Test
    void planKeepsItsBroadcastsInOrderWithEveryField() {
        Plan plan = (Plan) accepted(codec.decode(codec.encode(SampleMessages.plan())));

        assertThat(plan.broadcasts()).containsExactly(SampleMessages.morningBulletin(), SampleMessages.stormWarning());
        assertThat(plan.broadcasts().get(1).bulletinClass()).isEqualTo(BulletinClass.EMERGENCY);
        assertThat(plan.broadcasts().get(0).end()).isEqualTo(Instant.parse("2026-11-23T23:42:34Z"));
    }

    @Test
    void plannedBroadcastAndAudioUseTheirWireNames() {
        JsonNode broadcast = tree(codec.encode(SampleMessages.plan())).get("broadcasts").get(1);

        assertThat(broadcast.fieldNames()).toIterable().containsExactly("broadcastId", "bulletinId", "title",
                "bulletinClass", "start", "durationMillis", "zones", "audio");
        assertThat(broadcast.get("bulletinClass").textValue()).isEqualTo("emergency");
        assertThat(broadcast.get("audio").fieldNames()).toIterable()
                .containsExactly("path", "sha256", "sizeBytes", "format");
        assertThat(broadcast.has("end")).isFalse();
    }

    @Test
    void receiptLeavesOutTheInstantsItDoesNotHave() {
        JsonNode started = tree(codec.encode(SampleMessages.receiptStarted()));
        JsonNode missed = tree(codec.encode(SampleMessages.receiptMissed()));

        assertThat(started.has("actualEnd")).isFalse();
        assertThat(started.has("reason")).isFalse();
        assertThat(missed.has("actualStart")).isFalse();
        assertThat(missed.get("state").textValue()).isEqualTo("missed");
    }

    @Test
    void unknownFieldsInsideBroadcastsAndAudioAreIgnored() {
        ObjectNode json = tree(SampleMessages.plan());
        ObjectNode broadcast = (ObjectNode) json.get("broadcasts").get(0);
        broadcast.put("volume", 80);
        ((ObjectNode) broadcast.get("audio")).put("bitrate", 128);

        assertThat(accepted(codec.decode(bytes(json)))).isEqualTo(SampleMessages.plan());
    }

    @Test
    void planAndAckListsAreCopiedSoLaterChangesDoNotLeakIn() {
        List<PlannedBroadcast> broadcasts = new ArrayList<>(List.of(SampleMessages.morningBulletin()));
        List<String> ids = new ArrayList<>(List.of("r-1"));
        Plan plan = new Plan("p-1", SampleMessages.TS, "tan-lap-01", 1, SampleMessages.TS, SampleMessages.TS, broadcasts);
        ReceiptAck ack = new ReceiptAck("a-1", SampleMessages.TS, "tan-lap-01", ids);
        broadcasts.add(SampleMessages.stormWarning());
        ids.add("r-2");

        assertThat(plan.broadcasts()).hasSize(1);
        assertThat(ack.receiptIds()).containsExactly("r-1");
    }

    @Test
    void instantsKeepSubSecondPrecisionInUtc() {
        Instant precise = Instant.parse("2026-11-23T04:00:00.123456789Z");
        StationStatus status = new StationStatus("s-1", precise, "tan-lap-01", Presence.ONLINE);

        JsonNode json = tree(codec.encode(status));

        assertThat(json.get("ts").textValue()).isEqualTo("2026-11-23T04:00:00.123456789Z");
        assertThat(accepted(codec.decode(codec.encode(status)))).isEqualTo(status);
    }

    @Test
    void absentOptionalFieldsAreLeftOutOfTheEncoding() {
        JsonNode json = tree(codec.encode(SampleMessages.minimalHeartbeat()));

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("v", "type", "id", "ts", "station", "agentUptimeSeconds", "relays");
    }

    @Test
    void eventWithoutDetailRoundTrips() {
        StationEvent event = new StationEvent("e-1", SampleMessages.TS, "tan-lap-01", "clock-synced", Severity.INFO, null);

        assertThat(tree(codec.encode(event)).has("detail")).isFalse();
        assertThat(accepted(codec.decode(codec.encode(event)))).isEqualTo(event);
    }

    @Test
    void vietnameseTextSurvivesAsUtf8() {
        Birth birth = SampleMessages.birth();

        String json = new String(codec.encode(birth), StandardCharsets.UTF_8);

        assertThat(json).contains("\"Chợ Tân Lập\"");
        assertThat(((Birth) accepted(codec.decode(codec.encode(birth)))).zones()).extracting(Zone::name)
                .containsExactly("Thôn 1", "Chợ Tân Lập");
    }

    @Test
    void instantWithAnOffsetIsReadAsTheSameUtcInstant() {
        ObjectNode json = tree(SampleMessages.stationOnline());
        json.put("ts", "2026-11-23T11:00:00+07:00");

        assertThat(accepted(codec.decode(bytes(json))).timestamp()).isEqualTo(Instant.parse("2026-11-23T04:00:00Z"));
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        ObjectNode json = tree(SampleMessages.heartbeat());
        json.put("firmware", "2.1");
        json.putObject("gps").put("lat", 11.53).put("lon", 106.88);
        ((ObjectNode) json.get("relays").get(0)).put("currentAmps", 0.8);
        ((ObjectNode) json.get("playing")).put("volume", 80);

        assertThat(accepted(codec.decode(bytes(json)))).isEqualTo(SampleMessages.heartbeat());
    }

    @Test
    void unknownFieldsInsideZonesAreIgnored() {
        ObjectNode json = tree(SampleMessages.birth());
        ((ObjectNode) json.get("zones").get(0)).put("watts", 60).putArray("speakers").add("loa-1");

        assertThat(accepted(codec.decode(bytes(json)))).isEqualTo(SampleMessages.birth());
    }

    @Test
    void controllerStatusDecodesThroughItsOwnEntryPoint() {
        ControllerStatus status = SampleMessages.controllerOnline();

        assertThat(accepted(codec.decodeControllerStatus(codec.encode(status)))).isEqualTo(status);
    }

    @Test
    void recordsCopyTheirListsSoLaterChangesDoNotLeakIn() {
        List<Zone> zones = new ArrayList<>(List.of(new Zone(1, "Thôn 1")));
        Birth birth = new Birth("b-1", SampleMessages.TS, "tan-lap-01", "0.1.0", zones, "Linux", "17",
                SampleMessages.TS, SampleMessages.TS, 30);
        zones.add(new Zone(2, "Thôn 2"));

        assertThat(birth.zones()).hasSize(1);
    }
}
