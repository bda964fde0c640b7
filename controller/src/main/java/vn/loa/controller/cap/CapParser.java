package vn.loa.controller.cap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Reads an OASIS CAP 1.2 alert (https://docs.oasis-open.org/emergency/cap/v1.2/) and checks its
 * required elements and value lists. Unknown elements are skipped. Leniencies, each documented
 * where it happens: {@code Z} as a UTC offset ({@link CapDateTime}), {@code Very Likely} as
 * {@code Likely} ({@link Certainty}). Stateless and safe to call from any thread.
 */
public final class CapParser {
    /** CAP: sender and identifier must not include spaces, commas or the restricted {@code <} and {@code &}. */
    private static final Pattern TOKEN = Pattern.compile("[^\\s,<&]+");

    private CapParser() {
    }

    /** The alert in {@code xml}, or a {@link CapException} naming what is wrong with it. */
    public static CapAlert parse(byte[] xml) {
        Element root = CapXml.root(xml);
        if (!CapNode.NAMESPACE.equals(root.getNamespaceURI()) || !"alert".equals(root.getLocalName())) {
            String namespace = root.getNamespaceURI();
            throw new CapException("not a CAP 1.2 alert: root element must be 'alert' in namespace "
                    + CapNode.NAMESPACE + ", got '" + root.getLocalName() + "' "
                    + (namespace == null ? "in no namespace" : "in namespace " + namespace));
        }
        CapNode alert = CapNode.root(root);
        String identifier = token(alert, "identifier");
        String sender = token(alert, "sender");
        String sentText = alert.required("sent");
        Instant sent = alert.dateTime("sent", sentText);
        CapStatus status = alert.requiredCode("status", CapStatus.values());
        CapMessageType messageType = alert.requiredCode("msgType", CapMessageType.values());
        CapScope scope = alert.requiredCode("scope", CapScope.values());
        String note = alert.optional("note");
        List<CapReference> references = references(alert);
        List<CapInfo> infos = alert.children("info").stream().map(CapParser::info).toList();
        boolean announces = messageType == CapMessageType.ALERT || messageType == CapMessageType.UPDATE;
        if (infos.isEmpty() && announces && status == CapStatus.ACTUAL) {
            throw new CapException("an Actual " + messageType.capName()
                    + " must have at least one element 'info': nothing says what happens or where");
        }
        return new CapAlert(identifier, sender, sent, sentText, status, messageType, scope, note, references, infos);
    }

    private static String token(CapNode alert, String name) {
        String text = alert.required(name);
        if (!TOKEN.matcher(text).matches()) {
            throw new CapException("element '" + name + "' must not contain spaces, commas, '<' or '&', got '"
                    + text + "'");
        }
        return text;
    }

    /** {@code references}: space-separated {@code sender,identifier,sent} triples. */
    private static List<CapReference> references(CapNode alert) {
        String text = alert.optional("references");
        List<CapReference> references = new ArrayList<>();
        if (text == null) {
            return references;
        }
        for (String triple : text.split("\\s+")) {
            String[] parts = triple.split(",", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new CapException("element 'references' must be space-separated 'sender,identifier,sent' "
                        + "triples, got '" + triple + "'");
            }
            Instant sent = CapDateTime.parse(parts[2]).orElseThrow(() -> new CapException(
                    "element 'references' names a sent time that is not a CAP date-time: '" + parts[2] + "' in '"
                            + triple + "' (expected e.g. " + CapDateTime.EXAMPLE + ")"));
            references.add(new CapReference(parts[0], parts[1], parts[2], sent));
        }
        return references;
    }

    private static CapInfo info(CapNode info) {
        String language = info.optional("language");
        List<String> categoryTexts = info.texts("category");
        if (categoryTexts.isEmpty()) {
            throw info.problem("missing element 'category'" + info.where());
        }
        List<CapCategory> categories = categoryTexts.stream()
                .map(text -> info.code("category", text, CapCategory.values())).toList();
        String event = info.required("event");
        Urgency urgency = info.requiredCode("urgency", Urgency.values());
        Severity severity = info.requiredCode("severity", Severity.values());
        Certainty certainty = info.requiredCode("certainty", Certainty.values());
        List<CapNamedValue> parameters = info.children("parameter").stream().map(CapParser::namedValue).toList();
        List<CapArea> areas = info.children("area").stream().map(CapAreaParser::area).toList();
        return new CapInfo(language == null ? CapInfo.DEFAULT_LANGUAGE : language, categories, event, urgency,
                severity, certainty, info.optionalDateTime("effective"), info.optionalDateTime("onset"),
                info.optionalDateTime("expires"), info.optional("senderName"), info.optional("headline"),
                info.optional("description"), info.optional("instruction"), parameters, areas);
    }

    /** A {@code parameter} or {@code geocode}: both elements are required. */
    static CapNamedValue namedValue(CapNode node) {
        return new CapNamedValue(node.required("valueName"), node.required("value"));
    }
}
