package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.protocol.testutil.Payloads.bytes;
import static vn.loa.protocol.testutil.Payloads.rejection;
import static vn.loa.protocol.testutil.Payloads.tree;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.loa.protocol.DecodeError.Reason;
import vn.loa.protocol.testutil.SampleMessages;

/** Messages refused for one field, each with the reason a controller counts and a detail naming the field. */
class MessageCodecFieldTest {
    private final MessageCodec codec = new MessageCodec();

    private DecodeError decodeRejected(ObjectNode json, Reason reason) {
        return rejection(codec.decode(bytes(json)), reason);
    }

    private static ObjectNode heartbeat() {
        return tree(SampleMessages.heartbeat());
    }

    private static ObjectNode birth() {
        return tree(SampleMessages.birth());
    }

    // --- wrongly typed fields ---

    @Test
    void heartbeatWithTextForUptimeIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("agentUptimeSeconds", "193699");

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'agentUptimeSeconds'");
    }

    @Test
    void heartbeatWithFractionForUptimeIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("agentUptimeSeconds", 193699.5);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail())
                .contains("'agentUptimeSeconds'").contains("whole number");
    }

    @Test
    void heartbeatWithFractionForOptionalByteCountIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("diskFreeBytes", 1.5e9);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'diskFreeBytes'");
    }

    @Test
    void heartbeatWithTextForLoadAverageIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("loadAverage", "0.42");

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'loadAverage'");
    }

    @Test
    void heartbeatWithBooleanForUptimeIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("agentUptimeSeconds", true);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'agentUptimeSeconds'");
    }

    @Test
    void numberForMessageIdIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("id", 42);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'id'").contains("text");
    }

    @Test
    void numberForStationIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("station", 7);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'station'");
    }

    @Test
    void epochNumberForTimestampIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("ts", 1_795_406_400L);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'ts'").contains("ISO-8601");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2026-11-23 04:00:00", "2026-11-23T04:00:00", "yesterday", ""})
    void timestampThatIsNotAnIsoInstantIsRejected(String ts) {
        ObjectNode json = heartbeat();
        json.put("ts", ts);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'ts'");
    }

    @Test
    void textForRelayStateIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        ((ObjectNode) json.get("relays").get(1)).put("on", "true");

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'relays[1].on'").contains("true or false");
    }

    @Test
    void numberForRelayStateIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        ((ObjectNode) json.get("relays").get(0)).put("on", 1);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'relays[0].on'");
    }

    @Test
    void objectForRelaysIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.putObject("relays");

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'relays'").contains("list");
    }

    @Test
    void textForNowPlayingIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("playing", "ban-tin-sang-2311");

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'playing'");
    }

    @Test
    void unknownPresenceIsRejectedAsWrongTypeListingTheChoices() {
        ObjectNode json = tree(SampleMessages.stationOnline());
        json.put("state", "ONLINE");

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'state'").contains("online, offline");
    }

    @Test
    void numberForSeverityIsRejectedAsWrongType() {
        ObjectNode json = tree(SampleMessages.event());
        json.put("severity", 2);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'severity'");
    }

    // --- missing required fields ---

    @ParameterizedTest
    @ValueSource(strings = {"id", "ts", "station", "agentUptimeSeconds", "relays"})
    void heartbeatWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = heartbeat();
        json.remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'" + field + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "ts", "station", "agentVersion", "zones", "os", "javaVersion", "bootTime",
        "agentStartedAt", "heartbeatSeconds"})
    void birthWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = birth();
        json.remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'" + field + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "ts", "station", "state"})
    void statusWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = tree(SampleMessages.stationOnline());
        json.remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'" + field + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "ts", "station", "kind", "severity"})
    void eventWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = tree(SampleMessages.event());
        json.remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'" + field + "'");
    }

    @Test
    void controllerStatusWithoutStateIsRejectedAsMissingField() {
        ObjectNode json = tree(SampleMessages.controllerOnline());
        json.remove("state");

        assertThat(rejection(codec.decodeControllerStatus(bytes(json)), Reason.MISSING_FIELD).detail()).contains("'state'");
    }

    @Test
    void nullForARequiredNumberIsRejectedAsMissingField() {
        ObjectNode json = heartbeat();
        json.putNull("agentUptimeSeconds");

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'agentUptimeSeconds'");
    }

    @Test
    void nullForARequiredTextIsRejectedAsMissingField() {
        ObjectNode json = heartbeat();
        json.putNull("station");

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'station'");
    }

    @Test
    void relayWithoutItsStateIsRejectedAsMissingFieldNotReadAsOff() {
        ObjectNode json = heartbeat();
        ((ObjectNode) json.get("relays").get(0)).remove("on");

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'relays[0].on'");
    }

    @Test
    void zoneWithoutChannelIsRejectedAsMissingField() {
        ObjectNode json = birth();
        ((ObjectNode) json.get("zones").get(1)).remove("channel");

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'zones[1].channel'");
    }

    @Test
    void nowPlayingWithoutItsStartIsRejectedAsMissingField() {
        ObjectNode json = heartbeat();
        ((ObjectNode) json.get("playing")).remove("startedAt");

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'startedAt'");
    }

    // --- invalid values ---

    @Test
    void negativeUptimeIsRejectedAsInvalidValue() {
        ObjectNode json = heartbeat();
        json.put("agentUptimeSeconds", -1);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'agentUptimeSeconds'").contains("-1");
    }

    @Test
    void negativeOsUptimeIsRejectedAsInvalidValue() {
        ObjectNode json = heartbeat();
        json.put("osUptimeSeconds", -5);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'osUptimeSeconds'");
    }

    @Test
    void uptimeBeyondALongIsRejectedAsInvalidValue() {
        ObjectNode json = heartbeat();
        json.put("agentUptimeSeconds", new BigInteger("99999999999999999999"));

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'agentUptimeSeconds'");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65})
    void zoneChannelOutsideOneToSixtyFourIsRejectedAsInvalidValue(int channel) {
        ObjectNode json = birth();
        ((ObjectNode) json.get("zones").get(0)).put("channel", channel);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'channel'").contains("1..64");
    }

    @Test
    void relayChannelZeroIsRejectedAsInvalidValue() {
        ObjectNode json = heartbeat();
        ((ObjectNode) json.get("relays").get(0)).put("channel", 0);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'channel'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tan-Lap", "tan/lap", "+", "#", "", "tân-lập"})
    void invalidStationIdInTheBodyIsRejectedAsInvalidValue(String station) {
        ObjectNode json = heartbeat();
        json.put("station", station);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("station id");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -30, 3601})
    void heartbeatIntervalOutsideOneSecondToAnHourIsRejectedAsInvalidValue(int seconds) {
        ObjectNode json = birth();
        json.put("heartbeatSeconds", seconds);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'heartbeatSeconds'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankMessageIdIsRejectedAsInvalidValue(String id) {
        ObjectNode json = heartbeat();
        json.put("id", id);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'id'").contains("blank");
    }

    @Test
    void relayListWithANullIsRejectedAsInvalidValue() {
        ObjectNode json = heartbeat();
        json.withArray("relays").addNull();

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'relays'");
    }

    @Test
    void moreZonesThanRelayChannelsIsRejectedAsInvalidValue() {
        ObjectNode json = birth();
        for (int channel = 3; channel <= 65; channel++) {
            json.withArray("zones").addObject().put("channel", (channel - 1) % 64 + 1).put("name", "Thôn " + channel);
        }

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'zones'").contains("64");
    }

    @Test
    void eventDetailLongerThanTwoThousandCharactersIsRejectedAsInvalidValue() {
        ObjectNode json = tree(SampleMessages.event());
        json.put("detail", "x".repeat(2001));

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'detail'");
    }
}
