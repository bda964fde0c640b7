package vn.loa.controller.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One mapping of the config file, remembering which fields were read; errors name the field by its path. */
final class ConfigSection {
    private final String prefix;
    private final JsonNode node;
    private final Set<String> known = new HashSet<>();

    ConfigSection(String prefix, JsonNode node) {
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new ConfigException("'" + (prefix.isEmpty() ? "the file" : prefix) + "' must be a mapping");
        }
        this.prefix = prefix;
        this.node = node;
    }

    boolean isAbsent() {
        return node.isMissingNode() || node.isNull();
    }

    boolean has(String name) {
        JsonNode value = node.path(name);
        return !value.isMissingNode() && !value.isNull();
    }

    ConfigSection section(String name) {
        known.add(name);
        return new ConfigSection(field(name), node.path(name));
    }

    /** The mappings of a list, each named {@code name[i]} (from 0); empty when absent. */
    List<ConfigSection> sections(String name) {
        List<ConfigSection> sections = new ArrayList<>();
        JsonNode list = list(name);
        for (int i = 0; i < list.size(); i++) {
            sections.add(new ConfigSection(field(name) + "[" + i + "]", list.get(i)));
        }
        return sections;
    }

    /** A list of texts; empty when absent. */
    List<String> texts(String name) {
        List<String> texts = new ArrayList<>();
        for (JsonNode value : list(name)) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new ConfigException("field '" + field(name) + "' must be a list of non-blank texts");
            }
            texts.add(value.asText().strip());
        }
        return texts;
    }

    /** A mapping of texts to texts, in the file's order; null when absent. */
    Map<String, String> textMap(String name) {
        known.add(name);
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new ConfigException("field '" + field(name) + "' must be a mapping");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode text = entry.getValue();
            if (entry.getKey().isBlank() || !text.isTextual() || text.asText().isBlank()) {
                throw new ConfigException("field '" + field(name) + "' must map non-blank texts to non-blank texts, "
                        + "got '" + entry.getKey() + "': " + text);
            }
            map.put(entry.getKey().strip(), text.asText().strip());
        }
        return map;
    }

    String text(String name, String fallback) {
        known.add(name);
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw new ConfigException("field '" + field(name) + "' must be text");
        }
        return value.asText();
    }

    boolean bool(String name, boolean fallback) {
        known.add(name);
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new ConfigException("field '" + field(name) + "' must be true or false");
        }
        return value.booleanValue();
    }

    /** A file path; null when absent. */
    Path path(String name) {
        String text = text(name, null);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw new ConfigException("field '" + field(name) + "' must not be blank");
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new ConfigException("field '" + field(name) + "' is not a valid path: " + e.getReason());
        }
    }

    Integer optionalInteger(String name) {
        known.add(name);
        return has(name) ? Integer.valueOf(integer(name, 0)) : null;
    }

    int integer(String name, int fallback) {
        known.add(name);
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isInt()) {
            throw new ConfigException("field '" + field(name) + "' must be a whole number");
        }
        return value.intValue();
    }

    double number(String name, double fallback) {
        known.add(name);
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new ConfigException("field '" + field(name) + "' must be a number");
        }
        return value.doubleValue();
    }

    long wholeNumber(String name, long fallback) {
        known.add(name);
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ConfigException("field '" + field(name) + "' must be a whole number");
        }
        return value.longValue();
    }

    void rejectUnknown() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigException("unknown field '" + field(name) + "'");
            }
        }
    }

    String field(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private JsonNode list(String name) {
        known.add(name);
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw new ConfigException("field '" + field(name) + "' must be a list");
        }
        return value;
    }
}
