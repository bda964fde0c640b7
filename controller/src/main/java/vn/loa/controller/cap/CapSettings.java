package vn.loa.controller.cap;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How CAP alerts map onto emergency announcements: the {@code cap} section of the controller's config.
 *
 * @param areaCodeName           the geocode {@code valueName} whose values are our area codes
 * @param rules                  tried in order; the first that matches decides
 * @param standardMessageByEvent part of an event (ignoring case) → standard message; tried in order,
 *                               the first found in the event wins over the rule's message
 */
public record CapSettings(String areaCodeName, List<CapRule> rules, Map<String, String> standardMessageByEvent) {
    public static final String DEFAULT_AREA_CODE_NAME = "VN-ADMIN";

    /** Sound at once when it is severe, soon and likely; let an operator decide when it is less; else ignore. */
    public static final List<CapRule> DEFAULT_RULES = List.of(
            CapRule.of(EnumSet.of(Severity.EXTREME, Severity.SEVERE), EnumSet.of(Urgency.IMMEDIATE, Urgency.EXPECTED),
                    EnumSet.of(Certainty.OBSERVED, Certainty.LIKELY), CapAction.TRIGGER, "siren"),
            CapRule.of(EnumSet.of(Severity.EXTREME, Severity.SEVERE, Severity.MODERATE), Set.of(), Set.of(),
                    CapAction.DRAFT, "siren"),
            CapRule.of(Set.of(), Set.of(), Set.of(), CapAction.IGNORE, null));

    /** Evacuation first: an evacuation because of a flood should say "evacuate". */
    public static final Map<String, String> DEFAULT_STANDARD_MESSAGES = ordered(
            "evacuat", "evacuation", "sơ tán", "evacuation",
            "flood", "flood", "lũ", "flood", "ngập", "flood",
            "storm", "storm", "typhoon", "storm", "tropical depression", "storm", "bão", "storm",
            "áp thấp nhiệt đới", "storm");

    public CapSettings {
        if (areaCodeName == null || areaCodeName.isBlank()) {
            throw new IllegalArgumentException("cap.areaCodeName must not be blank");
        }
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("cap.rules must have at least one rule");
        }
        Map<String, String> folded = new LinkedHashMap<>();
        Objects.requireNonNull(standardMessageByEvent, "standardMessageByEvent").forEach((event, message) -> {
            if (event == null || event.isBlank() || message == null || message.isBlank()) {
                throw new IllegalArgumentException("cap.standardMessageByEvent must map non-blank events to "
                        + "non-blank messages, got '" + event + "' → '" + message + "'");
            }
            folded.putIfAbsent(CapText.fold(event), message.strip());
        });
        standardMessageByEvent = Collections.unmodifiableMap(folded);
    }

    public static CapSettings defaults() {
        return new CapSettings(DEFAULT_AREA_CODE_NAME, DEFAULT_RULES, DEFAULT_STANDARD_MESSAGES);
    }

    /** The first rule that matches the info. */
    public Optional<CapRule> ruleFor(CapInfo info) {
        return rules.stream().filter(rule -> rule.matches(info)).findFirst();
    }

    /** The standard message for the first part of {@code event} in {@link #standardMessageByEvent}. */
    public Optional<String> standardMessageFor(String event) {
        String folded = CapText.fold(event);
        return standardMessageByEvent.entrySet().stream().filter(entry -> folded.contains(entry.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
