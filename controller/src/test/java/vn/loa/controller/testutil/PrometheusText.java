package vn.loa.controller.testutil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4: every line is blank, a comment, a
 * {@code # HELP} or {@code # TYPE} line, or a sample {@code name{labels} value [timestamp]}. Names, label
 * names, label escapes ({@code \\ \" \n} only), values and timestamps are checked; each sample belongs to the
 * family of the TYPE line before it (with the suffixes its type allows); a family is typed once, before its
 * samples. No Java parser of this format is on Maven Central, hence this one. Throws on the first fault.
 */
public final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Inf|NaN");
    private static final Pattern TIMESTAMP = Pattern.compile("-?\\d+");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, String> types = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private String family;
    private int lineNumber;

    private PrometheusText() {
    }

    /** The samples of a valid exposition; an {@link IllegalArgumentException} naming the line otherwise. */
    public static List<Sample> parse(String text) {
        PrometheusText reader = new PrometheusText();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("exposition must end with a line feed");
        }
        for (String line : text.split("\n", -1)) {
            reader.lineNumber++;
            reader.line(line);
        }
        return reader.samples;
    }

    /** The family names declared by TYPE lines, with their types. */
    public static Map<String, String> families(String text) {
        PrometheusText reader = new PrometheusText();
        for (String line : text.split("\n")) {
            reader.lineNumber++;
            reader.line(line);
        }
        return new LinkedHashMap<>(reader.types);
    }

    private void line(String line) {
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("#")) {
            comment(line);
        } else {
            sample(line);
        }
    }

    private void comment(String line) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 3 || !parts[0].equals("#") || !parts[1].equals("HELP") && !parts[1].equals("TYPE")) {
            return;
        }
        String name = parts[2];
        check(NAME.matcher(name).matches(), "bad metric name '" + name + "'");
        if (parts[1].equals("HELP")) {
            String help = parts.length == 4 ? parts[3] : "";
            check(!help.matches(".*\\\\([^\\\\n]|$).*"), "bad escape in HELP of " + name);
            return;
        }
        check(parts.length == 4 && TYPES.contains(parts[3]), "bad TYPE line for " + name);
        check(!types.containsKey(name), "family " + name + " typed twice");
        check(!seen.contains(name), "family " + name + " typed after its samples");
        types.put(name, parts[3]);
        family = name;
    }

    private void sample(String line) {
        Matcher name = NAME.matcher(line);
        check(name.lookingAt(), "sample without a valid name: " + line);
        String metric = name.group();
        int at = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, labels);
        }
        check(at < line.length() && line.charAt(at) == ' ', "no space before the value: " + line);
        String[] rest = line.substring(at + 1).split(" ", -1);
        check(rest.length == 1 || rest.length == 2, "extra fields: " + line);
        check(VALUE.matcher(rest[0]).matches(), "bad value '" + rest[0] + "'");
        check(rest.length == 1 || TIMESTAMP.matcher(rest[1]).matches(), "bad timestamp: " + line);
        checkFamily(metric, labels);
        seen.add(metric);
        samples.add(new Sample(metric, labels, Double.parseDouble(rest[0].replace("Inf", "Infinity"))));
    }

    private int labels(String line, int at, Map<String, String> labels) {
        while (true) {
            check(at < line.length(), "unterminated labels: " + line);
            if (line.charAt(at) == '}') {
                return at + 1;
            }
            Matcher label = LABEL_NAME.matcher(line).region(at, line.length());
            check(label.lookingAt(), "bad label name at column " + at + ": " + line);
            at = label.end();
            check(line.startsWith("=\"", at), "label without =\"value\": " + line);
            StringBuilder value = new StringBuilder();
            at += 2;
            while (true) {
                check(at < line.length(), "unterminated label value: " + line);
                char c = line.charAt(at++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    check(at < line.length(), "dangling escape: " + line);
                    char e = line.charAt(at++);
                    check(e == '\\' || e == '"' || e == 'n', "bad escape \\" + e + ": " + line);
                    value.append(e == 'n' ? '\n' : e);
                } else {
                    value.append(c);
                }
            }
            check(labels.put(label.group(), value.toString()) == null, "label repeated: " + line);
            if (at < line.length() && line.charAt(at) == ',') {
                at++;
            }
        }
    }

    /** A sample is of the family of the last TYPE line: its own name, or a suffix its type allows. */
    private void checkFamily(String metric, Map<String, String> labels) {
        check(family != null, "sample " + metric + " before any TYPE line");
        String type = types.get(family);
        List<String> allowed = switch (type) {
            case "histogram" -> List.of("_bucket", "_sum", "_count");
            case "summary" -> List.of("", "_sum", "_count");
            default -> List.of("");
        };
        boolean ok = allowed.stream().anyMatch(suffix -> metric.equals(family + suffix));
        check(ok, "sample " + metric + " is not of family " + family + " (" + type + ")");
        if (metric.endsWith("_bucket") && type.equals("histogram")) {
            check(labels.containsKey("le"), "histogram bucket without le: " + metric);
        }
        if (type.equals("summary") && metric.equals(family)) {
            check(labels.containsKey("quantile"), "summary sample without quantile: " + metric);
        }
    }

    private void check(boolean condition, String fault) {
        if (!condition) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + fault);
        }
    }
}
