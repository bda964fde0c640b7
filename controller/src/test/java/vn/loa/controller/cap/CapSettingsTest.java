package vn.loa.controller.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapSettingsTest {
    private final CapSettings defaults = CapSettings.defaults();

    @Test
    void severeImminentLikelyAlertsTriggerTheSirenByDefault() {
        CapRule rule = defaults.ruleFor(info("Storm", Severity.EXTREME, Urgency.EXPECTED, Certainty.OBSERVED))
                .orElseThrow();

        assertThat(rule.action()).isEqualTo(CapAction.TRIGGER);
        assertThat(rule.standardMessage()).isEqualTo("siren");
    }

    @Test
    void lessCertainOrLessUrgentSevereAlertsAreDraftedForAnOperator() {
        assertThat(actionFor(Severity.SEVERE, Urgency.FUTURE, Certainty.LIKELY)).isEqualTo(CapAction.DRAFT);
        assertThat(actionFor(Severity.EXTREME, Urgency.IMMEDIATE, Certainty.POSSIBLE)).isEqualTo(CapAction.DRAFT);
        assertThat(actionFor(Severity.MODERATE, Urgency.IMMEDIATE, Certainty.OBSERVED)).isEqualTo(CapAction.DRAFT);
    }

    @Test
    void minorAndUnknownSeverityAreIgnored() {
        assertThat(actionFor(Severity.MINOR, Urgency.IMMEDIATE, Certainty.OBSERVED)).isEqualTo(CapAction.IGNORE);
        assertThat(actionFor(Severity.UNKNOWN, Urgency.IMMEDIATE, Certainty.OBSERVED)).isEqualTo(CapAction.IGNORE);
    }

    @Test
    void theFirstMatchingRuleWins() {
        CapRule fires = new CapRule(Set.of(), Set.of(), Set.of(), Set.of("cháy rừng"), CapAction.TRIGGER, "fire", 3);
        CapRule later = CapRule.of(Set.of(), Set.of(), Set.of(), CapAction.IGNORE, null);
        CapSettings settings = new CapSettings("VN-ADMIN", List.of(fires, later), Map.of());

        assertThat(settings.ruleFor(info("Nguy cơ CHÁY RỪNG cấp V", Severity.MINOR, Urgency.FUTURE,
                Certainty.POSSIBLE))).contains(fires);
        assertThat(settings.ruleFor(info("Bão số 3", Severity.EXTREME, Urgency.IMMEDIATE, Certainty.OBSERVED)))
                .contains(later);
    }

    @Test
    void eventsMatchIgnoringCaseAndTheUnicodeFormOfVietnameseMarks() {
        CapRule flood = new CapRule(Set.of(), Set.of(), Set.of(), Set.of("LŨ"), CapAction.DRAFT, "flood", null);
        String decomposed = Normalizer.normalize("Lũ quét", Normalizer.Form.NFD);

        assertThat(flood.matches(info(decomposed, Severity.MINOR, Urgency.PAST, Certainty.UNKNOWN))).isTrue();
        assertThat(flood.matches(info("Sạt lở đất", Severity.MINOR, Urgency.PAST, Certainty.UNKNOWN))).isFalse();
    }

    @Test
    void theEventNamesTheStandardMessage() {
        assertThat(defaults.standardMessageFor("Lũ quét")).contains("flood");
        assertThat(defaults.standardMessageFor("Flash Flood Warning")).contains("flood");
        assertThat(defaults.standardMessageFor("Bão số 3 (YAGI)")).contains("storm");
        assertThat(defaults.standardMessageFor("Typhoon")).contains("storm");
        assertThat(defaults.standardMessageFor("Sơ tán khẩn cấp do lũ")).as("evacuation first")
                .contains("evacuation");
        assertThat(defaults.standardMessageFor("Evacuation order")).contains("evacuation");
        assertThat(defaults.standardMessageFor("Động đất")).isEmpty();
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new CapSettings(" ", CapSettings.DEFAULT_RULES, Map.of()))
                .hasMessage("cap.areaCodeName must not be blank");
        assertThatThrownBy(() -> new CapSettings("VN-ADMIN", List.of(), Map.of()))
                .hasMessage("cap.rules must have at least one rule");
        assertThatThrownBy(() -> new CapSettings("VN-ADMIN", CapSettings.DEFAULT_RULES, Map.of("flood", "")))
                .hasMessageStartingWith("cap.standardMessageByEvent must map non-blank events");
        assertThatThrownBy(() -> CapRule.of(Set.of(), Set.of(), Set.of(), CapAction.TRIGGER, null))
                .hasMessage("a CAP rule with action TRIGGER needs a standardMessage");
        assertThatThrownBy(() -> new CapRule(Set.of(), Set.of(), Set.of(), Set.of(), CapAction.DRAFT, "siren", 6))
                .hasMessage("a CAP rule's riskLevel must be 1..5, got 6");
    }

    private CapAction actionFor(Severity severity, Urgency urgency, Certainty certainty) {
        return defaults.ruleFor(info("Something", severity, urgency, certainty)).orElseThrow().action();
    }

    static CapInfo info(String event, Severity severity, Urgency urgency, Certainty certainty) {
        return new CapInfo("vi-VN", List.of(CapCategory.MET), event, urgency, severity, certainty, null, null, null,
                null, null, null, null, List.of(), List.of());
    }
}
