package vn.loa.controller.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.loa.controller.cap.CapAction;
import vn.loa.controller.cap.CapRule;
import vn.loa.controller.cap.CapSettings;
import vn.loa.controller.cap.Certainty;
import vn.loa.controller.cap.Severity;
import vn.loa.controller.cap.Urgency;

/**
 * Reads the {@code cap} section: how CAP alerts become emergency announcements. What is absent
 * keeps {@link CapSettings#defaults()}; severities, urgencies and certainties are written as CAP
 * writes them ({@code Severe}, {@code Immediate}, {@code Likely}).
 */
final class CapSettingsReader {
    private CapSettingsReader() {
    }

    static CapSettings read(ConfigSection cap) {
        if (cap.isAbsent()) {
            return CapSettings.defaults();
        }
        String areaCodeName = cap.text("areaCodeName", CapSettings.DEFAULT_AREA_CODE_NAME).strip();
        if (areaCodeName.isEmpty()) {
            throw new ConfigException("field 'cap.areaCodeName' must not be blank");
        }
        List<CapRule> rules = cap.has("rules") ? rules(cap) : CapSettings.DEFAULT_RULES;
        Map<String, String> messages = cap.textMap("standardMessageByEvent");
        cap.rejectUnknown();
        return new CapSettings(areaCodeName, rules, messages == null ? CapSettings.DEFAULT_STANDARD_MESSAGES : messages);
    }

    private static List<CapRule> rules(ConfigSection cap) {
        List<ConfigSection> sections = cap.sections("rules");
        if (sections.isEmpty()) {
            throw new ConfigException("field 'cap.rules' must have at least one rule (leave it out for the defaults)");
        }
        return sections.stream().map(CapSettingsReader::rule).toList();
    }

    private static CapRule rule(ConfigSection rule) {
        Set<Severity> severities = codes(rule, "severities", Severity.class, Severity::fromCap, Severity::capName);
        Set<Urgency> urgencies = codes(rule, "urgencies", Urgency.class, Urgency::fromCap, Urgency::capName);
        Set<Certainty> certainties = codes(rule, "certainties", Certainty.class, Certainty::fromCap,
                Certainty::capName);
        List<String> events = rule.texts("events");
        String actionText = rule.text("action", null);
        if (actionText == null) {
            throw new ConfigException("field '" + rule.field("action") + "' is required: trigger, draft or ignore");
        }
        CapAction action = Arrays.stream(CapAction.values())
                .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(actionText.strip())).findFirst()
                .orElseThrow(() -> new ConfigException("field '" + rule.field("action")
                        + "' must be trigger, draft or ignore, got '" + actionText + "'"));
        String message = rule.text("standardMessage", null);
        message = message == null || message.isBlank() ? null : message.strip();
        if (message == null && action != CapAction.IGNORE) {
            throw new ConfigException("field '" + rule.field("standardMessage") + "' is required with action "
                    + actionText.strip() + " (e.g. siren, flood, storm, evacuation)");
        }
        Integer riskLevel = rule.optionalInteger("riskLevel");
        if (riskLevel != null) {
            ConfigChecks.range(rule.field("riskLevel"), riskLevel, 1, 5);
        }
        rule.rejectUnknown();
        return new CapRule(severities, urgencies, certainties, Set.copyOf(events), action, message, riskLevel);
    }

    private static <E extends Enum<E>> Set<E> codes(ConfigSection rule, String name, Class<E> type,
                                                    Function<String, Optional<E>> fromCap,
                                                    Function<E, String> capName) {
        Set<E> codes = EnumSet.noneOf(type);
        for (String text : rule.texts(name)) {
            codes.add(fromCap.apply(text).orElseThrow(() -> new ConfigException("field '" + rule.field(name)
                    + "' has '" + text + "': must be one of " + Arrays.stream(type.getEnumConstants()).map(capName)
                    .collect(Collectors.joining(", ")) + " (as CAP writes them)")));
        }
        return codes;
    }
}
