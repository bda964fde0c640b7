package vn.loa.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One mapping of the YAML tree with its path ({@code mqtt}, {@code zones[2]}), read field by
 * field. Problems are {@link IllegalArgumentException}s naming the field by its full path. An
 * absent field and an explicit {@code null} both mean "use the default".
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;

    private ConfigNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static ConfigNode root(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("the file is empty; it needs at least 'station' and 'mqtt.uri'");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("the file must be a YAML mapping of settings such as 'station: demo-01'");
        }
        return new ConfigNode(node, "");
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Fails on keys that are not settings, so a misspelt setting is not silently ignored. */
    void allowOnly(String... names) {
        Set<String> known = new LinkedHashSet<>(Arrays.asList(names));
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException("field '" + field(key) + "' is not a known setting; known here: "
                        + String.join(", ", known));
            }
        }
    }

    Optional<String> text(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException("field '" + field(name) + "' must be a single value, not a list or mapping");
        }
        return Optional.of(value.asText());
    }

    String requiredText(String name) {
        return text(name).filter(text -> !text.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("field '" + field(name) + "' is required"));
    }

    OptionalInt wholeNumber(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + field(name) + "' must be a whole number, got "
                    + (value.isTextual() ? "'" + value.asText() + "'" : value.toString()));
        }
        return OptionalInt.of(value.intValue());
    }

    /** A whole number that may exceed an int, such as a size in bytes. */
    OptionalLong longNumber(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + field(name) + "' must be a whole number, got "
                    + (value.isTextual() ? "'" + value.asText() + "'" : value.toString()));
        }
        return OptionalLong.of(value.longValue());
    }

    /** Any finite number, such as a volume of 0.8. */
    OptionalDouble number(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new IllegalArgumentException("field '" + field(name) + "' must be a number, got "
                    + (value.isTextual() ? "'" + value.asText() + "'" : value.toString()));
        }
        return OptionalDouble.of(value.doubleValue());
    }

    int requiredWholeNumber(String name) {
        return wholeNumber(name).orElseThrow(() -> new IllegalArgumentException("field '" + field(name) + "' is required"));
    }

    /** A mapping of whole numbers to whole numbers, such as {@code {1: 1, 2: 3}}. */
    Optional<java.util.Map<Integer, Integer>> wholeNumberMap(String name) {
        Optional<ConfigNode> section = section(name);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        ConfigNode map = section.get();
        java.util.Map<Integer, Integer> numbers = new java.util.TreeMap<>();
        for (Iterator<String> keys = map.node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            int number;
            try {
                number = Integer.parseInt(key.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field '" + map.field(key) + "': the key must be a whole number");
            }
            numbers.put(number, map.requiredWholeNumber(key));
        }
        return Optional.of(numbers);
    }

    Optional<ConfigNode> section(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("field '" + field(name) + "' must be a mapping of settings");
        }
        return Optional.of(new ConfigNode(value, field(name)));
    }

    Optional<List<ConfigNode>> list(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("field '" + field(name) + "' must be a list");
        }
        List<ConfigNode> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String elementPath = field(name) + "[" + i + "]";
            JsonNode element = value.get(i);
            if (element == null || !element.isObject()) {
                throw new IllegalArgumentException("field '" + elementPath + "' must be a mapping such as "
                        + "{ channel: 1, name: \"Loa trung tâm\" }");
            }
            elements.add(new ConfigNode(element, elementPath));
        }
        return Optional.of(elements);
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }
}
