package vn.loa.controller.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.Station;

class CapDeciderTest {
    /** 06:00 in Vietnam, half an hour after the flood alert was sent. */
    private static final Clock MORNING = Clock.fixed(Instant.parse("2026-09-11T23:00:00Z"), ZoneOffset.UTC);
    private static final List<Area> AREAS = List.of(CapSamples.area(1, null, "10"),
            CapSamples.area(2, 1L, CapSamples.COMMUNE_CODE));
    private static final List<Station> STATIONS = List.of(CapSamples.station("tan-lap-01", 2, CapSamples.INSIDE));

    private final CapDecider decider = new CapDecider(CapSettings.defaults(), MORNING);

    @Test
    void theFlashFloodWarningTriggersTheFloodMessageAtItsRiskLevel() {
        CapDecision decision = decide(CapSamples.floodAlert());

        assertThat(decision.action()).isEqualTo(CapAction.TRIGGER);
        assertThat(decision.reason()).isEqualTo("Severe, Immediate, Likely 'Lũ quét' matches rule 1: TRIGGER");
        assertThat(decision.info().language()).as("Vietnamese preferred").isEqualTo("vi-VN");
        assertThat(decision.title()).isEqualTo("Cảnh báo lũ quét");
        assertThat(decision.standardMessage()).isEqualTo("flood");
        assertThat(decision.riskLevel()).isEqualTo(2);
        assertThat(decision.validUntil()).isEqualTo(Instant.parse("2026-09-12T10:30:00Z"));
        assertThat(decision.areaIds()).containsExactly(2L);
        assertThat(decision.stationIds()).containsExactly("tan-lap-01");
        assertThat(decision.reference().key()).isEqualTo(CapSamples.ALERT_KEY);
        assertThat(decision.messageType()).isEqualTo(CapMessageType.ALERT);
    }

    @Test
    void aTestAlertIsRecordedButNothingSounds() {
        CapDecision decision = decide(CapSamples.floodAlertWith("<status>Actual", "<status>Test"));

        assertThat(decision.action()).isEqualTo(CapAction.IGNORE);
        assertThat(decision.reason()).isEqualTo("status Test: recorded, nothing sounds");
        assertThat(decision.areaIds()).as("still shows where it was aimed").containsExactly(2L);
        assertThat(decision.standardMessage()).isNull();
    }

    @Test
    void anExerciseIsIgnoredToo() {
        assertThat(decide(CapSamples.floodAlertWith("<status>Actual", "<status>Exercise")).reason())
                .isEqualTo("status Exercise: recorded, nothing sounds");
    }

    @Test
    void anExpiredAlertDoesNotSound() {
        CapDecider late = new CapDecider(CapSettings.defaults(),
                Clock.fixed(Instant.parse("2026-09-12T10:30:00Z"), ZoneOffset.UTC));

        CapDecision decision = late.decide(CapSamples.floodAlert(), AREAS, STATIONS);

        assertThat(decision.action()).isEqualTo(CapAction.IGNORE);
        assertThat(decision.reason()).isEqualTo("expired at 2026-09-12T10:30:00Z: nothing sounds");
    }

    @Test
    void anUpdateNamesTheAlertItReplacesAndRaisesTheRiskLevel() {
        CapDecision decision = decide(CapSamples.floodUpdate());

        assertThat(decision.updates()).isTrue();
        assertThat(decision.action()).isEqualTo(CapAction.TRIGGER);
        assertThat(decision.references()).extracting(CapReference::key).containsExactly(CapSamples.ALERT_KEY);
        assertThat(decision.riskLevel()).isEqualTo(3);
        assertThat(decision.standardMessage()).as("the instruction says evacuate, the event says flood")
                .isEqualTo("flood");
    }

    @Test
    void aCancelNamesWhatToStopAndSoundsNothing() {
        CapDecision decision = decide(CapSamples.floodCancel());

        assertThat(decision.cancels()).isTrue();
        assertThat(decision.action()).isEqualTo(CapAction.IGNORE);
        assertThat(decision.reason()).isEqualTo("Cancel of 2 earlier alert(s): stop what they started");
        assertThat(decision.references()).extracting(CapReference::key)
                .containsExactly(CapSamples.ALERT_KEY, CapSamples.UPDATE_KEY);
        assertThat(decision.info()).isNull();
        assertThat(decision.reach().isEmpty()).isTrue();
    }

    @Test
    void theRiskLevelParameterWinsOverTheRulesAndBadOnesAreIgnored() {
        CapRule levelFour = new CapRule(Set.of(), Set.of(), Set.of(), Set.of(), CapAction.TRIGGER, "siren", 4);
        CapDecider decider = new CapDecider(new CapSettings("VN-ADMIN", List.of(levelFour), Map.of()), MORNING);

        assertThat(decider.decide(CapSamples.floodAlert(), AREAS, STATIONS).riskLevel()).isEqualTo(2);
        assertThat(decider.decide(withRiskParameter("riskLevel", "5"), AREAS, STATIONS).riskLevel()).isEqualTo(5);
        assertThat(decider.decide(withRiskParameter("VN-RISK-LEVEL", "cấp 3"), AREAS, STATIONS).riskLevel())
                .isEqualTo(4);
        assertThat(decider.decide(withRiskParameter("VN-RISK-LEVEL", "7"), AREAS, STATIONS).riskLevel())
                .isEqualTo(4);
        assertThat(decider.decide(CapSamples.floodAlert(), AREAS, STATIONS).standardMessage())
                .as("no event map: the rule's message").isEqualTo("siren");
    }

    @Test
    void anAlertForSomewhereElseKeepsItsActionButReachesNothing() {
        CapDecision decision = decider.decide(CapSamples.floodAlert(), List.of(CapSamples.area(9, null, "99")),
                List.of(CapSamples.station("elsewhere", 9, CapSamples.OUTSIDE)));

        assertThat(decision.action()).isEqualTo(CapAction.TRIGGER);
        assertThat(decision.reach().isEmpty()).isTrue();
        assertThat(decision.reach().unmatchedDescriptions()).containsExactly("Xã Tân Lập");
    }

    @Test
    void aLongHeadlineIsShortenedForTheAnnouncementTitle() {
        CapDecision decision = decide(CapSamples.floodAlertWith("<headline>Cảnh báo lũ quét</headline>",
                "<headline>" + "Lũ ".repeat(200) + "</headline>"));

        assertThat(decision.title()).hasSize(CapDecision.MAX_TITLE_LENGTH).endsWith("…");
    }

    private CapDecision decide(CapAlert alert) {
        return decider.decide(alert, AREAS, STATIONS);
    }

    /** The flood alert with the Vietnamese info's risk level parameter replaced. */
    private static CapAlert withRiskParameter(String name, String value) {
        String text = CapSamples.floodAlertText();
        int vietnamese = text.indexOf("<language>vi-VN</language>");
        String tail = text.substring(vietnamese).replace(
                "<valueName>VN-RISK-LEVEL</valueName>\n      <value>2</value>",
                "<valueName>" + name + "</valueName>\n      <value>" + value + "</value>");
        return CapParser.parse((text.substring(0, vietnamese) + tail).getBytes(StandardCharsets.UTF_8));
    }
}
