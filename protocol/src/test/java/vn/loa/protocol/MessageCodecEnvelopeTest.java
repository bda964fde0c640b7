package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static vn.loa.protocol.testutil.Payloads.bytes;
import static vn.loa.protocol.testutil.Payloads.rejection;
import static vn.loa.protocol.testutil.Payloads.text;
import static vn.loa.protocol.testutil.Payloads.tree;
import static vn.loa.protocol.testutil.Payloads.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.loa.protocol.DecodeError.Reason;
import vn.loa.protocol.testutil.SampleMessages;

/** Payloads refused before their fields are read: not a JSON object, or a bad {@code v} or {@code type}. */
class MessageCodecEnvelopeTest {
    private final MessageCodec codec = new MessageCodec();

    private DecodeError decodeRejected(ObjectNode json, Reason reason) {
        return rejection(codec.decode(bytes(json)), reason);
    }

    private static ObjectNode heartbeat() {
        return tree(SampleMessages.heartbeat());
    }

    // --- not a JSON object ---

    @Test
    void emptyPayloadIsRejectedAsEmpty() {
        assertThat(rejection(codec.decode(new byte[0]), Reason.EMPTY).detail()).contains("empty");
    }

    @Test
    void nullPayloadIsRejectedAsEmpty() {
        rejection(codec.decode((byte[]) null), Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "{", "{\"v\":1,", "{'v':1}", "{v:1}", "{\"v\":1,}", "{\"v\":01}"})
    void textThatIsNotJsonIsRejectedAsMalformed(String payload) {
        assertThat(rejection(codec.decode(utf8(payload)), Reason.MALFORMED).detail()).contains("malformed JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"v\":1}]", "42", "\"heartbeat\"", "true", "null", " ", "\n\t "})
    void jsonThatIsNotAnObjectIsRejectedAsMalformed(String payload) {
        assertThat(rejection(codec.decode(utf8(payload)), Reason.MALFORMED).detail()).contains("not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {" x", " {}", "[]", " 1", "\"", " null", "}"})
    void trailingContentAfterTheObjectIsRejectedAsMalformed(String trailer) {
        byte[] payload = utf8(text(codec.encode(SampleMessages.heartbeat())) + trailer);

        rejection(codec.decode(payload), Reason.MALFORMED);
    }

    @Test
    void trailingWhitespaceIsFine() {
        byte[] payload = utf8(text(codec.encode(SampleMessages.heartbeat())) + " \r\n");

        assertThat(codec.decode(payload)).isInstanceOf(Decoded.Ok.class);
    }

    // --- the envelope ---

    @Test
    void missingVersionIsRejectedAsMissingField() {
        ObjectNode json = heartbeat();
        json.remove("v");

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'v'");
    }

    @Test
    void nullVersionIsRejectedAsMissingField() {
        ObjectNode json = heartbeat();
        json.putNull("v");

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'v'");
    }

    @Test
    void versionTwoIsRejectedAsUnsupported() {
        ObjectNode json = heartbeat();
        json.put("v", 2);

        assertThat(decodeRejected(json, Reason.UNSUPPORTED_VERSION).detail()).contains("2").contains("expected 1");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 4_294_967_297L, Long.MIN_VALUE + 1})
    void otherIntegerVersionsAreRejectedAsUnsupported(long version) {
        ObjectNode json = heartbeat();
        json.put("v", version);

        assertThat(decodeRejected(json, Reason.UNSUPPORTED_VERSION).detail()).contains(Long.toString(version));
    }

    @Test
    void hugeVersionIsRejectedAsUnsupportedNotTruncatedToOne() {
        ObjectNode json = heartbeat();
        json.put("v", BigInteger.TWO.pow(64).add(BigInteger.ONE));

        decodeRejected(json, Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void versionAsTextIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("v", "1");

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'v'");
    }

    @Test
    void versionAsFractionIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("v", 1.0);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'v'");
    }

    @Test
    void missingTypeIsRejectedAsMissingField() {
        ObjectNode json = heartbeat();
        json.remove("type");

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'type'");
    }

    @Test
    void typeAsNumberIsRejectedAsWrongType() {
        ObjectNode json = heartbeat();
        json.put("type", 1);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'type'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"playlist", "Heartbeat", "HEARTBEAT", "", "station-status"})
    void unknownTypeIsRejectedAndNamed(String type) {
        ObjectNode json = heartbeat();
        json.put("type", type);

        assertThat(decodeRejected(json, Reason.UNKNOWN_TYPE).detail()).contains("'" + type + "'");
    }

    // --- the codec itself ---

    @Test
    void payloadLimitBelowOneKibibyteIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageCodec(1023))
                .withMessageContaining("maxPayloadBytes");
    }

    @Test
    void reasonCodesAreLowerCaseNames() {
        assertThat(Reason.TOPIC_MISMATCH.code()).isEqualTo("topic_mismatch");
        assertThat(Reason.MISSING_FIELD.code()).isEqualTo("missing_field");
        assertThat(new DecodeError(Reason.EMPTY, "empty payload")).hasToString("empty: empty payload");
    }
}
