package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.protocol.testutil.Payloads.accepted;
import static vn.loa.protocol.testutil.Payloads.bytes;
import static vn.loa.protocol.testutil.Payloads.rejection;
import static vn.loa.protocol.testutil.Payloads.tree;
import static vn.loa.protocol.testutil.Payloads.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.protocol.DecodeError.Reason;
import vn.loa.protocol.testutil.SampleMessages;

/** Decoding against the topic a payload arrived on: the type must fit the channel, the station the topic. */
class MessageCodecTopicTest {
    private static final String STATION = SampleMessages.STATION;

    private final MessageCodec codec = new MessageCodec();
    private final Topics topics = Topics.withDefaultRoot();

    static Stream<StationMessage> everyStationMessage() {
        return Stream.of(SampleMessages.birth(), SampleMessages.heartbeat(), SampleMessages.stationOnline(),
                SampleMessages.stationOffline(), SampleMessages.event(), SampleMessages.plan(), SampleMessages.planAck(),
                SampleMessages.receiptStarted(), SampleMessages.receiptFinished(), SampleMessages.receiptMissed(),
                SampleMessages.receiptAck());
    }

    @Test
    void plansAndReceiptAcksGoToTheStationAndPlanAcksAndReceiptsComeFromIt() {
        assertThat(SampleMessages.plan().channel()).isEqualTo(Channel.COMMANDS);
        assertThat(SampleMessages.receiptAck().channel()).isEqualTo(Channel.COMMANDS);
        assertThat(SampleMessages.planAck().channel()).isEqualTo(Channel.REPORTS);
        assertThat(SampleMessages.receiptFinished().channel()).isEqualTo(Channel.REPORTS);
    }

    @Test
    void planOnTheReportsTopicIsATopicMismatch() {
        DecodeError error = rejection(codec.decode(new StationTopic(STATION, Channel.REPORTS),
                codec.encode(SampleMessages.plan())), Reason.TOPIC_MISMATCH);

        assertThat(error.detail()).contains("'plan'").contains("reports");
    }

    @Test
    void receiptOnTheCommandsTopicIsATopicMismatch() {
        DecodeError error = rejection(codec.decode(new StationTopic(STATION, Channel.COMMANDS),
                codec.encode(SampleMessages.receiptFinished())), Reason.TOPIC_MISMATCH);

        assertThat(error.detail()).contains("'receipt'").contains("commands");
    }

    @Test
    void receiptClaimingAnotherStationIsATopicMismatch() {
        ObjectNode json = tree(SampleMessages.receiptFinished());
        json.put("station", "tan-lap-02");

        DecodeError error = rejection(codec.decode(new StationTopic(STATION, Channel.REPORTS), bytes(json)),
                Reason.TOPIC_MISMATCH);

        assertThat(error.detail()).contains("'tan-lap-02'").contains("'" + STATION + "'");
    }

    @Test
    void planForAnotherStationIsATopicMismatch() {
        ObjectNode json = tree(SampleMessages.plan());
        json.put("station", "tan-lap-02");

        rejection(codec.decode(new StationTopic(STATION, Channel.COMMANDS), bytes(json)), Reason.TOPIC_MISMATCH);
    }

    @ParameterizedTest
    @MethodSource("everyStationMessage")
    void messageOnItsOwnChannelOfItsOwnStationIsAccepted(StationMessage message) {
        StationTopic topic = topics.parse(topics.station(STATION, message.channel())).orElseThrow();

        assertThat(accepted(codec.decode(topic, codec.encode(message)))).isEqualTo(message);
    }

    @Test
    void heartbeatOnTheBirthTopicIsATopicMismatch() {
        StationTopic birthTopic = new StationTopic(STATION, Channel.BIRTH);

        DecodeError error = rejection(codec.decode(birthTopic, codec.encode(SampleMessages.heartbeat())),
                Reason.TOPIC_MISMATCH);

        assertThat(error.detail()).contains("'heartbeat'").contains("birth");
    }

    @ParameterizedTest
    @MethodSource("everyStationMessage")
    void stationMessageOnAnyOtherChannelIsATopicMismatch(StationMessage message) {
        for (Channel channel : Channel.values()) {
            if (channel != message.channel()) {
                rejection(codec.decode(new StationTopic(STATION, channel), codec.encode(message)), Reason.TOPIC_MISMATCH);
            }
        }
    }

    @Test
    void payloadClaimingAnotherStationIsATopicMismatchNamingBoth() {
        ObjectNode json = tree(SampleMessages.heartbeat());
        json.put("station", "station-b");
        StationTopic topicOfA = new StationTopic("station-a", Channel.HEARTBEAT);

        DecodeError error = rejection(codec.decode(topicOfA, bytes(json)), Reason.TOPIC_MISMATCH);

        assertThat(error.detail()).contains("'station-b'").contains("'station-a'");
    }

    @Test
    void controllerStatusOnAStationTopicIsATopicMismatch() {
        DecodeError error = rejection(codec.decode(new StationTopic(STATION, Channel.STATUS),
                codec.encode(SampleMessages.controllerOnline())), Reason.TOPIC_MISMATCH);

        assertThat(error.detail()).contains("'controller-status'");
    }

    @Test
    void stationStatusOnTheControllerTopicIsATopicMismatch() {
        DecodeError error = rejection(codec.decodeControllerStatus(codec.encode(SampleMessages.stationOnline())),
                Reason.TOPIC_MISMATCH);

        assertThat(error.detail()).contains("'status'").contains("controller");
    }

    @Test
    void undecodablePayloadOnATopicKeepsItsOwnReason() {
        StationTopic topic = new StationTopic(STATION, Channel.HEARTBEAT);

        rejection(codec.decode(topic, new byte[0]), Reason.EMPTY);
        rejection(codec.decode(topic, utf8("{")), Reason.MALFORMED);
        rejection(codec.decodeControllerStatus(new byte[0]), Reason.EMPTY);
    }

    @Test
    void invalidPayloadIsReportedBeforeTheTopicIsChecked() {
        ObjectNode json = tree(SampleMessages.heartbeat());
        json.put("agentUptimeSeconds", -1);

        rejection(codec.decode(new StationTopic(STATION, Channel.BIRTH), bytes(json)), Reason.INVALID_VALUE);
    }
}
