package vn.loa.controller.cap;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A CAP {@code info} block: the event in one language. Optional elements that are absent are null
 * (the text ones also when empty); absent lists are empty.
 *
 * @param language   RFC 3066 language code, {@code en-US} when absent (CAP's default)
 * @param categories at least one
 * @param expires    when the info stops being valid; null when the sender gave no end
 */
public record CapInfo(String language, List<CapCategory> categories, String event, Urgency urgency,
                      Severity severity, Certainty certainty, Instant effective, Instant onset, Instant expires,
                      String senderName, String headline, String description, String instruction,
                      List<CapNamedValue> parameters, List<CapArea> areas) {
    public static final String DEFAULT_LANGUAGE = "en-US";

    public CapInfo {
        Objects.requireNonNull(language, "language");
        categories = List.copyOf(categories);
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(certainty, "certainty");
        parameters = List.copyOf(parameters);
        areas = List.copyOf(areas);
    }

    /** The value of the first parameter named {@code valueName}, ignoring case. */
    public Optional<String> parameter(String valueName) {
        return parameters.stream().filter(parameter -> parameter.valueName().equalsIgnoreCase(valueName))
                .map(CapNamedValue::value).findFirst();
    }

    /** A title for people and logs: the headline, else the event. */
    public String title() {
        return headline != null ? headline : event;
    }

    /** Whether the info is in Vietnamese ({@code vi}, {@code vi-VN}). */
    public boolean isVietnamese() {
        String lower = language.toLowerCase(Locale.ROOT);
        return lower.equals("vi") || lower.startsWith("vi-");
    }
}
