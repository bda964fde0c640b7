package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {
    private final Topics topics = Topics.withDefaultRoot();

    @Test
    void defaultRootIsLoaV1() {
        assertThat(topics.root()).isEqualTo("loa/v1");
    }

    @Test
    void buildsEveryStationChannelTopic() {
        assertThat(topics.station("tan-lap-01", Channel.COMMANDS)).isEqualTo("loa/v1/stations/tan-lap-01/commands");
        assertThat(topics.station("tan-lap-01", Channel.BIRTH)).isEqualTo("loa/v1/stations/tan-lap-01/birth");
        assertThat(topics.station("tan-lap-01", Channel.HEARTBEAT)).isEqualTo("loa/v1/stations/tan-lap-01/heartbeat");
        assertThat(topics.station("tan-lap-01", Channel.EVENTS)).isEqualTo("loa/v1/stations/tan-lap-01/events");
        assertThat(topics.station("tan-lap-01", Channel.REPORTS)).isEqualTo("loa/v1/stations/tan-lap-01/reports");
        assertThat(topics.station("tan-lap-01", Channel.STATUS)).isEqualTo("loa/v1/stations/tan-lap-01/status");
    }

    @Test
    void buildsTheControllerStatusTopic() {
        assertThat(topics.controllerStatus()).isEqualTo("loa/v1/controller/status");
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void allStationsFilterHasOneWildcardForTheStation(Channel channel) {
        assertThat(topics.allStations(channel)).isEqualTo("loa/v1/stations/+/" + channel.segment());
    }

    @Test
    void everyChannelOfOneStationFilterEndsInAWildcard() {
        assertThat(topics.everyChannelOf("tan-lap-01")).isEqualTo("loa/v1/stations/tan-lap-01/+");
    }

    @Test
    void customRootPrefixesEveryTopic() {
        Topics district = new Topics("binh-phuoc/loa/v1");

        assertThat(district.station("tan-lap-01", Channel.HEARTBEAT))
                .isEqualTo("binh-phuoc/loa/v1/stations/tan-lap-01/heartbeat");
        assertThat(district.controllerStatus()).isEqualTo("binh-phuoc/loa/v1/controller/status");
        assertThat(district.parse("binh-phuoc/loa/v1/stations/tan-lap-01/birth"))
                .contains(new StationTopic("tan-lap-01", Channel.BIRTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tan-Lap", "tan/lap", "+", "#", "", "-tan"})
    void refusesToBuildATopicForAnInvalidStationId(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> topics.station(id, Channel.HEARTBEAT));
        assertThatIllegalArgumentException().isThrownBy(() -> topics.everyChannelOf(id));
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void parsesWhatItBuilds(Channel channel) {
        assertThat(topics.parse(topics.station("tan-lap-01", channel)))
                .contains(new StationTopic("tan-lap-01", channel));
    }

    @Test
    void parsesIdsAtTheEdgesOfTheRule() {
        String longest = "z".repeat(StationIds.MAX_LENGTH);

        assertThat(topics.parse("loa/v1/stations/0/heartbeat")).contains(new StationTopic("0", Channel.HEARTBEAT));
        assertThat(topics.parse("loa/v1/stations/" + longest + "/status"))
                .contains(new StationTopic(longest, Channel.STATUS));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "other/v1/stations/tan-lap-01/heartbeat",
        "loa/v2/stations/tan-lap-01/heartbeat",
        "loa/v10/stations/tan-lap-01/heartbeat",
        "/loa/v1/stations/tan-lap-01/heartbeat",
        "LOA/V1/stations/tan-lap-01/heartbeat",
        "loa/v1/station/tan-lap-01/heartbeat",
        "loa/v1/controller/status",
        "loa/v1/stations/tan-lap-01",
        "loa/v1/stations/tan-lap-01/",
        "loa/v1/stations/tan-lap-01/heartbeat/",
        "loa/v1/stations/tan-lap-01/heartbeat/extra",
        "loa/v1/stations/tan-lap-01/a/heartbeat",
        "loa/v1/stations//heartbeat",
        "loa/v1/stations/",
        "loa/v1/stations/+/heartbeat",
        "loa/v1/stations/tan-lap-01/+",
        "loa/v1/stations/tan-lap-01/#",
        "loa/v1/stations/#",
        "loa/v1/stations/Tan-Lap/heartbeat",
        "loa/v1/stations/tan lap/heartbeat",
        "loa/v1/stations/-tan/heartbeat",
        "loa/v1/stations/tan-lap-01/unknown",
        "loa/v1/stations/tan-lap-01/Heartbeat",
        "loa/v1/stations/tan-lap-01/heartbeats",
        "loa/v1/stations/tan-lap-01/heartbeat ",
    })
    void parseRejectsAnythingButAStationChannelUnderTheRoot(String topic) {
        assertThat(topics.parse(topic)).isEmpty();
    }

    @Test
    void parseRejectsAnIdOfSixtyFiveCharacters() {
        assertThat(topics.parse("loa/v1/stations/" + "z".repeat(65) + "/heartbeat")).isEmpty();
    }

    @Test
    void parseUnderOneRootRejectsTopicsOfAnother() {
        Topics district = new Topics("district-7");

        assertThat(district.parse(topics.station("tan-lap-01", Channel.BIRTH))).isEmpty();
        assertThat(topics.parse(district.station("tan-lap-01", Channel.BIRTH))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/loa", "loa/", "loa//v1", "loa/+", "loa/#", "+", "#"})
    void rejectsRootsThatAreNotPlainTopicLevels(String root) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Topics(root))
                .withMessageContaining("topic root");
    }

    @Test
    void rejectsNullRoot() {
        assertThatNullPointerException().isThrownBy(() -> new Topics(null));
    }

    @Test
    void channelsKnowWhoPublishesOnThem() {
        assertThat(Channel.COMMANDS.direction()).isEqualTo(Channel.Direction.TO_STATION);
        assertThat(Channel.BIRTH.direction()).isEqualTo(Channel.Direction.FROM_STATION);
        assertThat(Channel.HEARTBEAT.direction()).isEqualTo(Channel.Direction.FROM_STATION);
        assertThat(Channel.EVENTS.direction()).isEqualTo(Channel.Direction.FROM_STATION);
        assertThat(Channel.REPORTS.direction()).isEqualTo(Channel.Direction.FROM_STATION);
        assertThat(Channel.STATUS.direction()).isEqualTo(Channel.Direction.FROM_STATION);
    }

    @Test
    void channelSegmentLookupIsExact() {
        assertThat(Channel.fromSegment("events")).contains(Channel.EVENTS);
        assertThat(Channel.fromSegment("EVENTS")).isEmpty();
        assertThat(Channel.fromSegment(null)).isEmpty();
    }
}
