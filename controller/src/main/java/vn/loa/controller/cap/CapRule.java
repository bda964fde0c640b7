package vn.loa.controller.cap;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the CAP mapping: an info whose severity, urgency and certainty are in these sets,
 * and whose event contains one of {@code events}, gets {@code action}. An empty set matches
 * anything. Events are compared ignoring case and the Unicode form of Vietnamese marks, as parts
 * of the event ({@code "lũ"} matches "Lũ quét").
 *
 * @param standardMessage the standard emergency message to play (e.g. {@code siren}, {@code flood});
 *                        required for TRIGGER and DRAFT, may be null for IGNORE
 * @param riskLevel       disaster risk level 1-5 (Decision 18/2021/QĐ-TTg), or null; a
 *                        {@code riskLevel} parameter in the alert wins over it
 */
public record CapRule(Set<Severity> severities, Set<Urgency> urgencies, Set<Certainty> certainties,
                      Set<String> events, CapAction action, String standardMessage, Integer riskLevel) {
    public CapRule {
        severities = Set.copyOf(Objects.requireNonNull(severities, "severities"));
        urgencies = Set.copyOf(Objects.requireNonNull(urgencies, "urgencies"));
        certainties = Set.copyOf(Objects.requireNonNull(certainties, "certainties"));
        events = Objects.requireNonNull(events, "events").stream().map(CapRule::event)
                .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(action, "action");
        if (action != CapAction.IGNORE && (standardMessage == null || standardMessage.isBlank())) {
            throw new IllegalArgumentException("a CAP rule with action " + action + " needs a standardMessage");
        }
        if (riskLevel != null && (riskLevel < 1 || riskLevel > 5)) {
            throw new IllegalArgumentException("a CAP rule's riskLevel must be 1..5, got " + riskLevel);
        }
    }

    /** A rule for any event, without a risk level. */
    public static CapRule of(Set<Severity> severities, Set<Urgency> urgencies, Set<Certainty> certainties,
                             CapAction action, String standardMessage) {
        return new CapRule(severities, urgencies, certainties, Set.of(), action, standardMessage, null);
    }

    public boolean matches(CapInfo info) {
        return (severities.isEmpty() || severities.contains(info.severity()))
                && (urgencies.isEmpty() || urgencies.contains(info.urgency()))
                && (certainties.isEmpty() || certainties.contains(info.certainty()))
                && (events.isEmpty() || events.stream().anyMatch(event -> CapText.containsFolded(info.event(), event)));
    }

    private static String event(String event) {
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("a CAP rule's events must not be blank");
        }
        return CapText.fold(event);
    }
}
