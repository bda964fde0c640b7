package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.protocol.testutil.Payloads.accepted;
import static vn.loa.protocol.testutil.Payloads.bytes;
import static vn.loa.protocol.testutil.Payloads.rejection;
import static vn.loa.protocol.testutil.Payloads.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.loa.protocol.DecodeError.Reason;
import vn.loa.protocol.testutil.SampleMessages;

/** Receipts and receipt acknowledgements refused for one field, each with its reason and the field it names. */
class MessageCodecReceiptTest {
    private final MessageCodec codec = new MessageCodec();

    private DecodeError decodeRejected(ObjectNode json, Reason reason) {
        return rejection(codec.decode(bytes(json)), reason);
    }

    private static ObjectNode finished() {
        return tree(SampleMessages.receiptFinished());
    }

    // --- receipts ---

    @ParameterizedTest
    @ValueSource(strings = {"started", "finished", "partly-played"})
    void receiptOfAudioThatBeganWithoutItsActualStartIsRejectedAsMissingField(String state) {
        ObjectNode json = finished();
        json.put("state", state);
        json.remove("actualStart");

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'actualStart'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"missed", "failed"})
    void receiptOfAudioThatNeverBeganNeedsNoActualInstants(String state) {
        ObjectNode json = finished();
        json.put("state", state).put("reason", "audio checksum mismatch");
        json.remove("actualStart");
        json.remove("actualEnd");
        json.putArray("zonesOn");

        Receipt receipt = (Receipt) accepted(codec.decode(bytes(json)));

        assertThat(receipt.state().isFinal()).isTrue();
        assertThat(receipt.actualStart()).isNull();
        assertThat(receipt.reason()).isEqualTo("audio checksum mismatch");
    }

    @Test
    void partlyPlayedReceiptRoundTripsWithItsWireName() {
        ObjectNode json = finished();
        json.put("state", "partly-played").put("reason", "interrupted by emergency sc-w8d4r6tz@2026-11-23T23:35:00Z");

        Receipt receipt = (Receipt) accepted(codec.decode(bytes(json)));

        assertThat(receipt.state()).isEqualTo(ReceiptState.PARTLY_PLAYED);
        assertThat(tree(codec.encode(receipt)).get("state").textValue()).isEqualTo("partly-played");
    }

    @ParameterizedTest
    @ValueSource(strings = {"played", "FINISHED", "partly_played", "unconfirmed", ""})
    void unknownReceiptStateIsRejectedAsWrongTypeListingTheWireNames(String state) {
        ObjectNode json = finished();
        json.put("state", state);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail())
                .contains("'state'").contains("started, finished, partly-played, missed, failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "ts", "station", "broadcastId", "bulletinId", "state", "plannedStart"})
    void receiptWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = finished();
        json.remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'" + field + "'");
    }

    @Test
    void receiptWithoutZonesOnIsReadAsNoZonesOn() {
        ObjectNode json = tree(SampleMessages.receiptMissed());
        json.remove("zonesOn");

        assertThat(accepted(codec.decode(bytes(json)))).isEqualTo(SampleMessages.receiptMissed());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65})
    void receiptNamingARelayChannelOutsideOneToSixtyFourIsRejectedAsInvalidValue(int channel) {
        ObjectNode json = finished();
        json.putArray("zonesOn").add(1).add(channel);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail())
                .contains("'zonesOn'").contains(String.valueOf(channel)).contains("1..64");
    }

    @Test
    void receiptWithAnActualStartThatIsNotAnInstantIsRejectedAsWrongType() {
        ObjectNode json = finished();
        json.put("actualStart", 1_795_406_400_004L);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'actualStart'");
    }

    @Test
    void receiptReasonLongerThanAThousandCharactersIsRejectedAsInvalidValue() {
        ObjectNode json = finished();
        json.put("reason", "x".repeat(1001));

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'reason'");
    }

    // --- receipt acknowledgements ---

    @Test
    void receiptAckOfTheMaximumNumberOfIdsFitsTheDefaultLimit() {
        ObjectNode json = tree(SampleMessages.receiptAck());
        ArrayNode ids = json.putArray("receiptIds");
        for (int i = 0; i < ReceiptAck.MAX_IDS; i++) {
            ids.add(MessageIds.next());
        }

        assertThat(bytes(json).length).isLessThan(MessageCodec.DEFAULT_MAX_PAYLOAD_BYTES);
        assertThat(((ReceiptAck) accepted(codec.decode(bytes(json)))).receiptIds()).hasSize(ReceiptAck.MAX_IDS);
    }

    @Test
    void receiptAckOfMoreThanTheMaximumNumberOfIdsIsRejectedAsInvalidValue() {
        ObjectNode json = tree(SampleMessages.receiptAck());
        ArrayNode ids = json.putArray("receiptIds");
        for (int i = 0; i <= ReceiptAck.MAX_IDS; i++) {
            ids.add(MessageIds.next());
        }

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail())
                .contains("'receiptIds'").contains(String.valueOf(ReceiptAck.MAX_IDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "ts", "station", "receiptIds"})
    void receiptAckWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = tree(SampleMessages.receiptAck());
        json.remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'" + field + "'");
    }

    @Test
    void receiptAckWithANumberForAnIdIsRejectedAsWrongType() {
        ObjectNode json = tree(SampleMessages.receiptAck());
        json.withArray("receiptIds").add(42);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("receiptIds[2]");
    }
}
