package vn.loa.controller.cap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One element of a CAP alert with its place in it ({@code info[1]/area[2]}), read through checks
 * whose failures name the element and the place. Only children in the CAP namespace count; others
 * (extensions, signatures) are skipped.
 */
final class CapNode {
    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    private final Element element;
    private final String path;

    private CapNode(Element element, String path) {
        this.element = element;
        this.path = path;
    }

    static CapNode root(Element alert) {
        return new CapNode(alert, "");
    }

    /** The text of the one child {@code name}; missing, repeated or empty is an error. */
    String required(String name) {
        String text = optional(name);
        if (text == null) {
            throw problem(elements(name).isEmpty() ? "missing element '" + name + "'" + where()
                    : "element '" + name + "'" + where() + " is empty");
        }
        return text;
    }

    /** The text of the one child {@code name}, or null when it is absent or empty; repeated is an error. */
    String optional(String name) {
        List<Element> found = elements(name);
        if (found.size() > 1) {
            throw problem("element '" + name + "'" + where() + " must appear once, found " + found.size());
        }
        return found.isEmpty() ? null : nonEmpty(found.get(0).getTextContent());
    }

    /** The non-empty texts of every child {@code name}. */
    List<String> texts(String name) {
        return elements(name).stream().map(child -> nonEmpty(child.getTextContent()))
                .filter(text -> text != null).toList();
    }

    /** Every child {@code name}, each knowing its place: {@code info[1]}, {@code info[2]}. */
    List<CapNode> children(String name) {
        List<Element> found = elements(name);
        List<CapNode> nodes = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            nodes.add(new CapNode(found.get(i), (path.isEmpty() ? "" : path + "/") + name + "[" + (i + 1) + "]"));
        }
        return nodes;
    }

    <E extends CapCode> E requiredCode(String name, E[] values) {
        return code(name, required(name), values);
    }

    /** {@code text}, the content of child {@code name}, as one of {@code values}. */
    <E extends CapCode> E code(String name, String text, E[] values) {
        return CapCode.find(values, text).orElseThrow(() -> problem("element '" + name + "'" + where()
                + " must be one of " + CapCode.list(values) + ", got '" + text + "'"));
    }

    Instant requiredDateTime(String name) {
        return dateTime(name, required(name));
    }

    Instant optionalDateTime(String name) {
        String text = optional(name);
        return text == null ? null : dateTime(name, text);
    }

    Instant dateTime(String name, String text) {
        return CapDateTime.parse(text).orElseThrow(() -> problem("element '" + name + "'" + where()
                + " is not a CAP date-time: '" + text + "' (expected e.g. " + CapDateTime.EXAMPLE + ")"));
    }

    /** " in info[1]/area[2]", or nothing at the alert itself. */
    String where() {
        return path.isEmpty() ? "" : " in " + path;
    }

    CapException problem(String message) {
        return new CapException(message);
    }

    private List<Element> elements(String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String nonEmpty(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
