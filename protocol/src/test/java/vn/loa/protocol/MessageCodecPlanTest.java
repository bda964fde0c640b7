package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static vn.loa.protocol.testutil.Payloads.accepted;
import static vn.loa.protocol.testutil.Payloads.bytes;
import static vn.loa.protocol.testutil.Payloads.rejection;
import static vn.loa.protocol.testutil.Payloads.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.loa.protocol.DecodeError.Reason;
import vn.loa.protocol.testutil.SampleMessages;

/** Plans and plan acknowledgements refused for one field, each with its reason and the field it names. */
class MessageCodecPlanTest {
    private final MessageCodec codec = new MessageCodec();

    private DecodeError decodeRejected(ObjectNode json, Reason reason) {
        return rejection(codec.decode(bytes(json)), reason);
    }

    private static ObjectNode plan() {
        return tree(SampleMessages.plan());
    }

    /** The first broadcast of the sample plan, to be changed in place. */
    private static ObjectNode firstBroadcast(ObjectNode plan) {
        return (ObjectNode) plan.get("broadcasts").get(0);
    }

    private static ObjectNode firstAudio(ObjectNode plan) {
        return (ObjectNode) firstBroadcast(plan).get("audio");
    }

    // --- the plan itself ---

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void planWithVersionBelowOneIsRejectedAsInvalidValue(long version) {
        ObjectNode json = plan();
        json.put("version", version);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'version'").contains("positive");
    }

    @Test
    void planEndingBeforeItBeginsIsRejectedAsInvalidValue() {
        ObjectNode json = plan();
        json.put("until", "2026-11-23T03:59:59.999Z");

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'until'").contains("'from'");
    }

    @Test
    void planOfAnEmptyWindowWithNoBroadcastsIsAccepted() {
        ObjectNode json = plan();
        json.put("until", json.get("from").textValue());
        json.putArray("broadcasts");

        Plan plan = (Plan) accepted(codec.decode(bytes(json)));

        assertThat(plan.broadcasts()).isEmpty();
        assertThat(plan.until()).isEqualTo(plan.from());
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "ts", "station", "version", "from", "until", "broadcasts"})
    void planWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = plan();
        json.remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'" + field + "'");
    }

    @Test
    void planVersionAsTextIsRejectedAsWrongType() {
        ObjectNode json = plan();
        json.put("version", "7");

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("'version'");
    }

    @Test
    void planWithMoreThanTheMaximumOfBroadcastsIsRejectedAsInvalidValue() {
        MessageCodec roomy = new MessageCodec(16 * 1024 * 1024);
        ObjectNode json = plan();
        ArrayNode broadcasts = json.putArray("broadcasts");
        ObjectNode one = firstBroadcast(plan());
        for (int i = 0; i <= Plan.MAX_BROADCASTS; i++) {
            broadcasts.add(one.deepCopy().put("broadcastId", "sc-k3m9p2qa@" + i));
        }

        DecodeError error = rejection(roomy.decode(bytes(json)), Reason.INVALID_VALUE);

        assertThat(error.detail()).contains("'broadcasts'").contains(String.valueOf(Plan.MAX_BROADCASTS));
    }

    @Test
    void planWithANullBroadcastIsRejectedAsInvalidValue() {
        ObjectNode json = plan();
        json.withArray("broadcasts").addNull();

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'broadcasts'");
    }

    // --- planned broadcasts ---

    @ParameterizedTest
    @ValueSource(strings = {"broadcastId", "bulletinId", "bulletinClass", "start", "durationMillis", "zones", "audio"})
    void broadcastWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = plan();
        firstBroadcast(json).remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains(field + "'");
    }

    @Test
    void broadcastWithoutTitleIsAccepted() {
        ObjectNode json = plan();
        firstBroadcast(json).remove("title");

        assertThat(((Plan) accepted(codec.decode(bytes(json)))).broadcasts().get(0).title()).isNull();
    }

    @Test
    void broadcastWithNoZonesIsRejectedAsInvalidValue() {
        ObjectNode json = plan();
        firstBroadcast(json).putArray("zones");

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'zones'").contains("at least one");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65, -1})
    void broadcastOnAZoneOutsideOneToSixtyFourIsRejectedAsInvalidValue(int zone) {
        ObjectNode json = plan();
        firstBroadcast(json).putArray("zones").add(1).add(zone);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail())
                .contains("'zones'").contains(String.valueOf(zone)).contains("1..64");
    }

    @Test
    void broadcastOnMoreZonesThanRelayChannelsIsRejectedAsInvalidValue() {
        ObjectNode json = plan();
        ArrayNode zones = firstBroadcast(json).putArray("zones");
        for (int i = 0; i <= Zone.MAX_CHANNEL; i++) {
            zones.add(i % Zone.MAX_CHANNEL + 1);
        }

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'zones'").contains("64");
    }

    @Test
    void zoneAsTextIsRejectedAsWrongType() {
        ObjectNode json = plan();
        firstBroadcast(json).putArray("zones").add("1");

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail()).contains("zones[0]");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -754_000})
    void broadcastOfNoDurationIsRejectedAsInvalidValue(long durationMillis) {
        ObjectNode json = plan();
        firstBroadcast(json).put("durationMillis", durationMillis);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'durationMillis'").contains("positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NORMAL", "urgent", "Emergency", ""})
    void unknownBulletinClassIsRejectedAsWrongTypeListingTheChoices(String bulletinClass) {
        ObjectNode json = plan();
        firstBroadcast(json).put("bulletinClass", bulletinClass);

        assertThat(decodeRejected(json, Reason.WRONG_TYPE).detail())
                .contains("bulletinClass").contains("normal, priority, emergency");
    }

    @Test
    void broadcastTitleLongerThanThreeHundredCharactersIsRejectedAsInvalidValue() {
        ObjectNode json = plan();
        firstBroadcast(json).put("title", "ồ".repeat(301));

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'title'").contains("300");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankBroadcastIdIsRejectedAsInvalidValue(String broadcastId) {
        ObjectNode json = plan();
        firstBroadcast(json).put("broadcastId", broadcastId);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'broadcastId'").contains("blank");
    }

    // --- audio references ---

    @ParameterizedTest
    @ValueSource(strings = {
        "3A7BD3E2360A3D29EEA436FCFB7E44C735D117C42D1C1835420B6B9942DD4F1B",
        "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1",
        "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b0",
        "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1g",
        ""})
    void audioWithAChecksumThatIsNotSixtyFourLowerCaseHexDigitsIsRejectedAsInvalidValue(String sha256) {
        ObjectNode json = plan();
        firstAudio(json).put("sha256", sha256);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'sha256'").contains("64 lower-case hex");
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio/x.wav", "http://other.example/audio/x.wav", "../audio/x.wav", " /audio/x.wav"})
    void audioPathThatIsNotAnAbsolutePathIsRejectedAsInvalidValue(String path) {
        ObjectNode json = plan();
        firstAudio(json).put("path", path);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'path'").contains("'/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//other.example/audio/x.wav", "/audio/bản tin.wav", "/audio/x.wav\n"})
    void audioPathThatWouldLeaveTheControllerOrIsNoUriIsRejectedAsInvalidValue(String path) {
        ObjectNode json = plan();
        firstAudio(json).put("path", path);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'path'");
    }

    @Test
    void audioPathResolvesOnTheControllersHost() {
        java.net.URI controller = java.net.URI.create("http://controller.example:8080/");
        String path = SampleMessages.morningBulletin().audio().path();

        assertThat(controller.resolve(path).getHost()).isEqualTo("controller.example");
    }

    @Test
    void audioWithNegativeSizeIsRejectedAsInvalidValue() {
        ObjectNode json = plan();
        firstAudio(json).put("sizeBytes", -1);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'sizeBytes'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"path", "sha256", "sizeBytes", "format"})
    void audioWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = plan();
        firstAudio(json).remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains(field + "'");
    }

    @Test
    void recordsRefuseWhatTheCodecRefuses() {
        PlannedBroadcast morning = SampleMessages.morningBulletin();

        assertThatIllegalArgumentException().isThrownBy(() -> new PlannedBroadcast(morning.broadcastId(),
                morning.bulletinId(), null, BulletinClass.NORMAL, morning.start(), 1, List.of(), morning.audio()))
                .withMessageContaining("'zones'");
        assertThatIllegalArgumentException().isThrownBy(() -> new AudioRef("/audio/x", "ABC", 1, "wav"))
                .withMessageContaining("'sha256'");
    }

    // --- plan acknowledgements ---

    @Test
    void planAckForVersionZeroIsAccepted() {
        ObjectNode json = tree(SampleMessages.planAck());
        json.put("planVersion", 0);

        assertThat(((PlanAck) accepted(codec.decode(bytes(json)))).planVersion()).isZero();
    }

    @Test
    void planAckWithNegativeVersionIsRejectedAsInvalidValue() {
        ObjectNode json = tree(SampleMessages.planAck());
        json.put("planVersion", -1);

        assertThat(decodeRejected(json, Reason.INVALID_VALUE).detail()).contains("'planVersion'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "ts", "station", "planVersion"})
    void planAckWithoutARequiredFieldIsRejectedAsMissingField(String field) {
        ObjectNode json = tree(SampleMessages.planAck());
        json.remove(field);

        assertThat(decodeRejected(json, Reason.MISSING_FIELD).detail()).contains("'" + field + "'");
    }
}
